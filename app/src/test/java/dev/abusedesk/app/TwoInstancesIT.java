package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.abusedesk.report.Json;
import dev.abusedesk.testing.EmbeddedPostgres;
import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.LoopbackHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two daemons on one PostgreSQL, one killed with SIGKILL while events keep arriving: every accepted
 * event is alerted, and each escalation is queued once however many instances run the reminders.
 */
class TwoInstancesIT {

  @TempDir Path dir;

  private static final DateTimeFormatter RFC1123 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  @Test
  void deliversEverythingOnceAnInstanceDiesAndDoesNotDoubleReminders() throws Exception {
    String db = EmbeddedPostgres.freshDatabase();
    try (LoopbackHttp chat = LoopbackHttp.start()) {
      chat.otherwise(LoopbackHttp.Answer.of(200, "ok"));
      int portA = Daemons.freePort();
      int portB = Daemons.freePort();
      Path configA = config("a", db, portA, chat);
      Path configB = config("b", db, portB, chat);
      Path log = dir.resolve("serve.log");
      Process a = Daemons.start(configA, dir.resolve("data-a"), portA, log, "--claim-lease", "5s");
      Process b = Daemons.start(configB, dir.resolve("data-b"), portB, log, "--claim-lease", "5s");

      Set<String> accepted = new HashSet<>();
      for (int i = 0; i < 60; i++) {
        boolean aAlive = i < 30;
        int port = aAlive && i % 2 == 0 ? portA : portB;
        if (i == 30) {
          a.destroyForcibly();
          a.waitFor(30, TimeUnit.SECONDS);
        }
        if (post(port, event(i)) == 202) {
          accepted.add(eventId(i));
        }
      }
      // A comes back: what it had spooled but not recorded is recorded now.
      a = Daemons.start(configA, dir.resolve("data-a"), portA, log, "--claim-lease", "5s");
      try {
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < until
            && (alerted(chat, "/hook", accepted) < accepted.size()
                || alerted(chat, "/pager", accepted) < accepted.size())) {
          Thread.sleep(250);
        }
      } finally {
        a.destroy();
        b.destroy();
        a.waitFor(15, TimeUnit.SECONDS);
        b.waitFor(15, TimeUnit.SECONDS);
      }

      assertThat(accepted).hasSize(60);
      assertThat(alerted(chat, "/hook", accepted)).isEqualTo(60);
      assertThat(alerted(chat, "/pager", accepted)).isEqualTo(60);
      Launcher.Result outbox =
          Launcher.run(
              Map.of(),
              null,
              "outbox",
              "list",
              "--all",
              "--json",
              "--limit",
              "10000",
              "--config",
              configB.toString(),
              "--data-dir",
              dir.resolve("data-b").toString());
      Map<String, Integer> escalations = new HashMap<>();
      for (JsonNode row : Json.MAPPER.readTree(outbox.out())) {
        if (row.path("message").asText().contains(":escalate:")) {
          escalations.merge(
              row.path("case_id").asText() + "/" + row.path("receiver").asText(), 1, Integer::sum);
        }
      }
      assertThat(escalations).isNotEmpty();
      assertThat(escalations.values()).allMatch(count -> count == 1);
    }
  }

  private Path config(String name, String db, int port, LoopbackHttp chat) throws Exception {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(
        file,
        """
        storage: {url: "%s", username: postgres}
        receivers:
          - name: hook
            webhook: {url: "%s"}
            rate_per_second: 200
          - name: pager
            webhook: {url: "%s"}
            rate_per_second: 200
        routes:
          - receivers: [hook]
        reminders: {escalation_receivers: [pager]}
        intake:
          http: {listen: "127.0.0.1:%d"}
        """
            .formatted(db, chat.uri("/hook"), chat.uri("/pager"), port));
    return file;
  }

  private static String eventId(int i) {
    return "AWS_ABUSE_DOS_REPORT_two" + i;
  }

  /** A DoS event of its own, sent 22 hours ago: 2 hours left, so it escalates at once. */
  private static byte[] event(int i) {
    String sent = RFC1123.format(Instant.now().minus(Duration.ofHours(22)));
    return new String(Fixtures.bytes("health/abuse-dos.json"), StandardCharsets.UTF_8)
        .replace("AWS_ABUSE_DOS_REPORT_3c1f9a2b", eventId(i))
        .replace("Abuse case number: 20816735. ", "")
        .replace("Tue, 14 Oct 2025 03:12:40 GMT", sent)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static int post(int port, byte[] body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/intake/eventbridge"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static long alerted(LoopbackHttp chat, String path, Set<String> ids) {
    Set<String> seen = new HashSet<>();
    for (LoopbackHttp.Request r : chat.requests(path)) {
      for (String id : ids) {
        if (r.body().contains(id + "\"")) {
          seen.add(id);
        }
      }
    }
    return seen.size();
  }
}
