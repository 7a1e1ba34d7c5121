package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.LoopbackHttp;
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
 * again: every mail that got 250 becomes a case, and is announced to a Slack-like receiver that
 * takes one message a second (429 above it) within two minutes of the restart.
 */
class ServeCrashIT {

  @TempDir Path dir;

  @Test
  void everyMailAcknowledgedWith250IsACaseAndDeliveredAfterAKillAndRestart() throws Exception {
    try (LoopbackHttp chat = LoopbackHttp.start()) {
      chat.on("/slack", LoopbackHttp.Answer.slackOk()).rateLimit("/slack", 1);
      int smtpPort = Daemons.freePort();
      int httpPort = Daemons.freePort();
      Path config = dir.resolve("abusedesk.yaml");
      Files.writeString(
          config,
          """
          receivers:
            - name: ops-slack
              slack: {webhook_url: "%s"}
          intake:
            smtp: {listen: "127.0.0.1:%d"}
            http: {listen: "127.0.0.1:%d"}
          """
              .formatted(chat.uri("/slack"), smtpPort, httpPort));
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
              if (Daemons.sendMail(smtpPort, mail)) {
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

      long restartedAt = System.nanoTime();
      Process restarted = Daemons.start(config, data, httpPort, log);
      try {
        long until = restartedAt + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < until && delivered(chat, acknowledged) < acknowledged.size()) {
          Thread.sleep(200);
        }
        System.out.printf(
            "ServeCrashIT: %d acknowledged mails, all announced %d ms after the restart in %d"
                + " Slack messages%n",
            acknowledged.size(),
            (System.nanoTime() - restartedAt) / 1_000_000,
            chat.accepted("/slack").size());
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
    for (LoopbackHttp.Arrival a : chat.accepted("/slack")) {
      for (String number : numbers) {
        if (a.request().body().contains(number)) {
          seen.add(number);
        }
      }
    }
    return seen.size();
  }
}
