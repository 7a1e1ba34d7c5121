package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.report.Json;
import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.LoopbackHttp;
import dev.abusedesk.testing.RestartablePostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon on PostgreSQL while the server restarts under it, quickly and then after a while down:
 * mail is accepted into the spool all along, and every notice becomes a case and an alert once the
 * database is back, without restarting the daemon.
 */
class PostgresRestartIT {

  /** The server trusts local connections and ignores it; it must show nowhere all the same. */
  private static final String PASSWORD = "not-for-the-log-7f3a";

  private static final String TEMPLATE =
      new String(Fixtures.bytes("email/ec2-abuse-dos.eml"), StandardCharsets.UTF_8);

  @TempDir Path dir;

  @Test
  void everyNoticeIsRecordedAndAlertedAcrossDatabaseRestartsAndTheDaemonStaysUp() throws Exception {
    try (RestartablePostgres postgres = RestartablePostgres.start(dir.resolve("pgdata"));
        LoopbackHttp chat = LoopbackHttp.start()) {
      chat.otherwise(LoopbackHttp.Answer.of(200, "ok"));
      int smtpPort = Daemons.freePort();
      int httpPort = Daemons.freePort();
      Path config = config(postgres, chat, smtpPort, httpPort);
      Path log = dir.resolve("serve.log");
      Process daemon = Daemons.start(config, dir.resolve("data"), httpPort, log);
      Set<String> sent = new HashSet<>();
      try {
        sendAll(smtpPort, 1, 10, sent);
        assertThat(waitUntilAlerted(chat, sent)).as("before the restarts").isTrue();

        // A quick restart: every pooled connection dies; the next transactions must not fail.
        postgres.restart();
        sendAll(smtpPort, 11, 15, sent);
        assertThat(waitUntilAlerted(chat, sent)).as("after a quick restart").isTrue();

        // Down for longer than a transaction waits for a connection, mail arriving meanwhile: it
        // waits in the spool, on disk, while the daemon's attempts to record it fail.
        postgres.stop();
        sendAll(smtpPort, 16, 20, sent);
        assertThat(waitUntilLogged(log, "cannot connect to PostgreSQL")).isTrue();
        postgres.start();
        long back = System.nanoTime();
        sendAll(smtpPort, 21, 25, sent);
        assertThat(waitUntilAlerted(chat, sent)).as("after being down").isTrue();
        System.out.println(
            "all alerted "
                + Duration.ofNanos(System.nanoTime() - back).toMillis()
                + " ms after PostgreSQL was back");

        assertThat(daemon.isAlive()).isTrue();
        assertThat(eventuallyHealthy(httpPort)).isTrue();
      } finally {
        daemon.destroy();
        daemon.waitFor(30, TimeUnit.SECONDS);
      }

      Launcher.Result list =
          Launcher.run(
              Map.of(),
              null,
              "cases",
              "list",
              "--json",
              "--config",
              config.toString(),
              "--data-dir",
              dir.resolve("data").toString());
      assertThat(list.exitCode()).as(list.err()).isZero();
      assertThat(Json.MAPPER.readTree(list.out()))
          .hasSize(25)
          .allSatisfy(c -> assertThat(c.path("reports").asInt()).isEqualTo(1));
      for (String number : sent) {
        assertThat(list.out()).contains("\"" + number + "\"");
      }
      // A short command says nothing of the connection pool it started.
      assertThat(list.err()).isEmpty();
      assertThat(Files.readString(log, StandardCharsets.UTF_8)).doesNotContain(PASSWORD);
    }
  }

  private Path config(RestartablePostgres postgres, LoopbackHttp chat, int smtp, int http)
      throws Exception {
    Path file = dir.resolve("abusedesk.yaml");
    Files.writeString(
        file,
        """
        storage: {url: "%s", username: postgres, password: "%s"}
        receivers:
          - name: hook
            webhook: {url: "%s"}
            rate_per_second: 200
        routes:
          - receivers: [hook]
        intake:
          smtp: {listen: "127.0.0.1:%d"}
          http: {listen: "127.0.0.1:%d"}
        """
            .formatted(postgres.jdbcUrl(), PASSWORD, chat.uri("/hook"), smtp, http));
    return file;
  }

  /** Sends notices {@code from} to {@code to}, each its own AWS case; each must get 250. */
  private static void sendAll(int port, int from, int to, Set<String> sent) {
    for (int n = from; n <= to; n++) {
      String number = Integer.toString(60_000_000 + n);
      String mail =
          TEMPLATE
              .replace("20816735", number)
              .replace("0100018f2a1b2c3d", "0100018f2a1b" + String.format("%04d", n));
      assertThat(Daemons.sendMail(port, mail)).as("250 for notice %d", n).isTrue();
      sent.add(number);
    }
  }

  private static boolean waitUntilAlerted(LoopbackHttp chat, Set<String> numbers)
      throws InterruptedException {
    long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < until) {
      if (alerted(chat, numbers) == numbers.size()) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static long alerted(LoopbackHttp chat, Set<String> numbers) {
    Set<String> seen = new HashSet<>();
    List<LoopbackHttp.Request> requests = chat.requests("/hook");
    for (LoopbackHttp.Request r : requests) {
      for (String number : numbers) {
        if (r.body().contains(number)) {
          seen.add(number);
        }
      }
    }
    return seen.size();
  }

  private static boolean waitUntilLogged(Path log, String text) throws Exception {
    long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < until) {
      if (Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static boolean eventuallyHealthy(int port) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < until) {
      if (Daemons.get(port, "/healthz") == 200) {
        return true;
      }
      Thread.sleep(500);
    }
    return false;
  }
}
