package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.LoopbackHttp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon killed with SIGKILL in the middle of a burst of 500 mails over SMTP, then started
 * again: every mail that got 250 becomes a case and its alert is delivered.
 */
class ServeCrashIT {

  @TempDir Path dir;

  @Test
  void everyMailAcknowledgedWith250IsACaseAndDeliveredAfterAKillAndRestart() throws Exception {
    try (LoopbackHttp chat = LoopbackHttp.start()) {
      chat.otherwise(LoopbackHttp.Answer.of(200, "ok"));
      int smtpPort = Daemons.freePort();
      int httpPort = Daemons.freePort();
      Path config = dir.resolve("abusedesk.yaml");
      Files.writeString(
          config,
          """
          receivers:
            - name: hook
              webhook: {url: "%s"}
              rate_per_second: 500
          intake:
            smtp: {listen: "127.0.0.1:%d"}
            http: {listen: "127.0.0.1:%d"}
          """
              .formatted(chat.uri("/hook"), smtpPort, httpPort));
      Path data = dir.resolve("data");
      Path log = dir.resolve("serve.log");
      Process daemon = Daemons.start(config, data, httpPort, log);

      String template =
          new String(Fixtures.bytes("email/ec2-abuse-dos.eml"), StandardCharsets.UTF_8);
      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      AtomicInteger attempted = new AtomicInteger();
      ExecutorService senders = Executors.newFixedThreadPool(4);
      for (int i = 0; i < 500; i++) {
        int n = i;
        senders.submit(
            () -> {
              String number = Integer.toString(50_000_000 + n);
              String mail =
                  template
                      .replace("20816735", number)
                      .replace("0100018f2a1b2c3d", "0100018f2a1b" + String.format("%04d", n));
              attempted.incrementAndGet();
              if (send(smtpPort, mail)) {
                acknowledged.add(number);
              }
            });
        if (i == 250) {
          while (acknowledged.size() < 150) {
            Thread.sleep(10);
          }
          daemon.destroyForcibly(); // SIGKILL, mid-burst
          daemon.waitFor(30, TimeUnit.SECONDS);
        }
      }
      senders.shutdown();
      assertThat(senders.awaitTermination(5, TimeUnit.MINUTES)).isTrue();

      Process restarted = Daemons.start(config, data, httpPort, log);
      try {
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < until && delivered(chat, acknowledged) < acknowledged.size()) {
          Thread.sleep(200);
        }
      } finally {
        restarted.destroy();
        restarted.waitFor(15, TimeUnit.SECONDS);
      }

      assertThat(acknowledged.size()).isBetween(150, 499);
      assertThat(delivered(chat, acknowledged)).isEqualTo(acknowledged.size());
      Launcher.Result list =
          Launcher.run(
              java.util.Map.of(), null, "cases", "list", "--json", "--data-dir", data.toString());
      for (String number : acknowledged) {
        assertThat(list.out()).contains("\"" + number + "\"");
      }
      // At least once, never a second case for one mail.
      assertThat(dev.abusedesk.report.Json.MAPPER.readTree(list.out()))
          .allSatisfy(c -> assertThat(c.path("reports").asInt()).isEqualTo(1));
    }
  }

  private static long delivered(LoopbackHttp chat, Set<String> numbers) {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    for (LoopbackHttp.Request r : chat.requests("/hook")) {
      for (String number : numbers) {
        if (r.body().contains(number)) {
          seen.add(number);
        }
      }
    }
    return seen.size();
  }

  /** One SMTP transaction; true only when the server answered 250 to the message. */
  private static boolean send(int port, String mail) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      if (!reply(in).startsWith("220")) {
        return false;
      }
      for (String command :
          new String[] {
            "HELO test",
            "MAIL FROM:<ec2-abuse@amazon.com>",
            "RCPT TO:<security@example.com>",
            "DATA"
          }) {
        out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
        String answer = reply(in);
        if (!(answer.startsWith("250") || answer.startsWith("354"))) {
          return false;
        }
      }
      String body = mail.replace("\r\n", "\n").replace("\n", "\r\n").replaceAll("(?m)^\\.", "..");
      out.write((body + "\r\n.\r\n").getBytes(StandardCharsets.UTF_8));
      boolean accepted = reply(in).startsWith("250");
      out.write("QUIT\r\n".getBytes(StandardCharsets.UTF_8));
      return accepted;
    } catch (IOException e) {
      return false;
    }
  }

  private static String reply(BufferedReader in) throws IOException {
    String line;
    do {
      line = in.readLine();
      if (line == null) {
        return "";
      }
    } while (line.length() > 3 && line.charAt(3) == '-');
    return line;
  }
}
