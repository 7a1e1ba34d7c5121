package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.LoopbackHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged daemon under ordinary pressure, as a user meets it: a burst of notices over SMTP
 * into one Slack-like receiver that takes one message a second and answers 429 above it. Every case
 * must be visible in the chat within 30 s of its 250; so must every case's reminder when fifty of
 * them fall due together; and no storm of messages either way.
 */
class BurstIT {

  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void sixtyNoticesAtTwentyASecondAreEachVisibleWithin30SecondsAndTheirRemindersToo()
      throws Exception {
    try (LoopbackHttp chat = LoopbackHttp.start()) {
      chat.on("/slack", LoopbackHttp.Answer.slackOk()).rateLimit("/slack", 1);
      int smtpPort = Daemons.freePort();
      int httpPort = Daemons.freePort();
      Path config = dir.resolve("abusedesk.yaml");
      // Overdue reminders every minute, so that the fifty cases' reminders fall due together
      // within the test instead of at the next hour.
      Files.writeString(
          config,
          """
          receivers:
            - name: ops-slack
              slack: {webhook_url: "%s"}
          reminders:
            overdue_interval: 1m
          intake:
            smtp: {listen: "127.0.0.1:%d"}
            http: {listen: "127.0.0.1:%d"}
          """
              .formatted(chat.uri("/slack"), smtpPort, httpPort));
      Path data = dir.resolve("data");
      Path log = dir.resolve("serve.log");
      Process daemon = Daemons.start(config, data, httpPort, log);
      Map<String, Long> sentAt = new TreeMap<>();
      try {
        String template =
            new String(Fixtures.bytes("email/ec2-abuse-dos.eml"), StandardCharsets.UTF_8);
        for (int i = 0; i < 60; i++) {
          String number = Integer.toString(61_000_000 + i);
          String mail =
              template
                  .replace("20816735", number)
                  .replace("0100018f2a1b2c3d", "0100018f2a1b" + String.format("%04d", i));
          assertThat(Daemons.sendMail(smtpPort, mail)).as("250 for " + number).isTrue();
          sentAt.put(number, System.nanoTime());
          Thread.sleep(50); // 20 a second
        }
        Map<String, Long> firstSeen =
            waitUntilNamed(chat, sentAt, 0, VISIBLE_WITHIN.plusSeconds(5));

        List<Long> latencies = latencies(sentAt, firstSeen);
        report("SMTP 250 to the case visible in the chat", latencies);
        assertThat(firstSeen).as("cases visible in the chat").hasSameSizeAs(sentAt);
        assertThat(latencies.get(latencies.size() - 1))
            .as("slowest, ms")
            .isLessThanOrEqualTo(VISIBLE_WITHIN.toMillis());
        int messages = chat.accepted("/slack").size();
        assertThat(messages).as("chat messages for 60 cases").isLessThan(20);
        assertThat(chat.rateLimited("/slack")).as("429s").isLessThan(5);
        assertThat(Daemons.get(httpPort, "/healthz")).isEqualTo(200);
      } finally {
        daemon.destroy();
        daemon.waitFor(15, TimeUnit.SECONDS);
      }

      // Fifty of those cases, open and overdue, their reminders falling due at the same minute
      // boundary: a fresh daemon on the same data announces them in a few summaries.
      chat.clear();
      long restarted = System.nanoTime();
      Process again = Daemons.start(config, data, httpPort, log);
      try {
        Map<String, Long> reminded =
            waitUntilNamed(chat, sentAt, restarted, Duration.ofSeconds(60).plus(VISIBLE_WITHIN));
        assertThat(reminded).as("cases named in reminder summaries").hasSameSizeAs(sentAt);
        List<LoopbackHttp.Arrival> summaries = chat.accepted("/slack");
        assertThat(summaries)
            .allSatisfy(
                a ->
                    assertThat(a.request().body())
                        .containsAnyOf("await a reply to AWS", "nobody has acknowledged"));
        // 60 cases, escalations and reminders: pages of 15, not a message per case.
        assertThat(summaries.size()).as("summary messages").isLessThanOrEqualTo(12);
        assertThat(chat.rateLimited("/slack")).as("429s").isLessThan(5);
        long firstSummary = summaries.get(0).nanos();
        long lastCaseNamed = reminded.values().stream().mapToLong(Long::longValue).max().orElse(0);
        System.out.printf(
            "BurstIT: reminders of %d overdue cases in %d summaries, all named %d ms after the"
                + " first%n",
            reminded.size(), summaries.size(), (lastCaseNamed - firstSummary) / 1_000_000);
      } finally {
        again.destroy();
        again.waitFor(15, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * Waits until every case number is named in a message the chat accepted after {@code since};
   * returns when each was first named.
   */
  private static Map<String, Long> waitUntilNamed(
      LoopbackHttp chat, Map<String, Long> numbers, long since, Duration atMost)
      throws InterruptedException {
    Map<String, Long> seen = new TreeMap<>();
    long until = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < until && seen.size() < numbers.size()) {
      Thread.sleep(100);
      for (LoopbackHttp.Arrival a : chat.accepted("/slack")) {
        if (a.nanos() < since) {
          continue;
        }
        for (String number : numbers.keySet()) {
          if (!seen.containsKey(number) && a.request().body().contains(number)) {
            seen.put(number, a.nanos());
          }
        }
      }
    }
    return seen;
  }

  private static List<Long> latencies(Map<String, Long> sentAt, Map<String, Long> seenAt) {
    List<Long> millis = new ArrayList<>();
    seenAt.forEach((number, seen) -> millis.add((seen - sentAt.get(number)) / 1_000_000));
    millis.sort(Long::compare);
    return millis;
  }

  private static void report(String what, List<Long> millis) {
    if (millis.isEmpty()) {
      return;
    }
    System.out.printf(
        "BurstIT: %s: p50 %d ms, p99 %d ms, max %d ms over %d cases%n",
        what,
        millis.get(millis.size() / 2),
        millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.99) - 1)),
        millis.get(millis.size() - 1),
        millis.size());
  }
}
