package dev.abusedesk.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.Outbox;
import dev.abusedesk.config.Config;
import dev.abusedesk.config.SecretCheck;
import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.LoopbackHttp;
import dev.abusedesk.testing.LoopbackHttp.Answer;
import dev.abusedesk.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery end to end: reports recorded in a real store, alerts queued in its outbox and sent by
 * the real receivers to loopback servers that answer like the chat tools do.
 */
class DeliveryTest {

  @TempDir Path dir;

  private final LoopbackHttp chat = LoopbackHttp.start();
  private final TestClock clock = new TestClock(Instant.parse("2025-11-03T15:00:00Z"));

  @AfterEach
  void stop() {
    chat.close();
  }

  /** The configuration the notifications issue gives, pointed at the loopback server. */
  private String issueExample(String extra) {
    return """
        language: en
        timezone: Asia/Tokyo
        accounts:
          - {id: "444455556666", name: shop-prod, customer: Example Shop}
        receivers:
          - name: ops-slack
            slack: {webhook_url: "%1$s/slack"}
            %2$s
          - name: ops-hook
            webhook: {url: "%1$s/hook", hmac_secret: "change-me"}
          - name: ops-teams
            teams: {workflow_url: "%1$s/teams"}
          - name: ops-gchat
            google_chat: {webhook_url: "%1$s/gchat"}
          - name: ops-discord
            discord: {webhook_url: "%1$s/discord"}
          - name: ops-chatwork
            chatwork: {api_token: "change-me", room_id: "123", api_url: "%1$s/chatwork/v2"}
        routes:
          - receivers: [ops-slack, ops-hook, ops-teams, ops-gchat, ops-discord, ops-chatwork]
        """
        .formatted(chat.uri(""), extra);
  }

  private void answerLikeTheTools() {
    chat.on("/slack", Answer.slackOk())
        .on("/hook", Answer.of(200, "ok"))
        .on("/teams", Answer.teamsAccepted())
        .on("/gchat", Answer.googleChatOk())
        .on("/discord", Answer.discordNoContent())
        .on("/chatwork/v2/rooms/123/messages", Answer.chatworkOk());
  }

  @Test
  void oneReportReachesEveryConfiguredReceiverWithItsFacts() {
    answerLikeTheTools();
    try (PipelineHarness h = new PipelineHarness(dir, issueExample(""), clock, "one")) {
      h.ingest("email/ec2-abuse-spam-eni.eml");
      h.pipeline.deliver(Duration.ofSeconds(30));

      for (String path :
          Set.of(
              "/slack",
              "/hook",
              "/teams",
              "/gchat",
              "/discord",
              "/chatwork/v2/rooms/123/messages")) {
        assertThat(chat.requests(path)).as(path).hasSize(1);
        String body = chat.requests(path).get(0).body();
        assertThat(body).as(path).contains("444455556666").contains("20822190");
      }
      assertThat(chat.requests("/slack").get(0).body()).contains("shop-prod", "Example Shop");
      assertThat(h.pipeline.outbox().depth().pending()).isZero();
    }
  }

  @Test
  void aReceiverThatIsDownGetsEverythingOnceItIsBack() {
    answerLikeTheTools();
    chat.on(
        "/slack",
        Answer.of(503, "upstream down"),
        Answer.of(503, "upstream down"),
        Answer.of(502, "bad gateway"),
        Answer.slackOk());
    try (PipelineHarness h = new PipelineHarness(dir, issueExample(""), clock, "one")) {
      h.ingest("email/ec2-abuse-spam-eni.eml");
      h.ingest("email/ts-port-scan.eml");

      for (int round = 0; round < 10; round++) {
        h.pipeline.deliver(Duration.ofSeconds(30));
        clock.advance(Duration.ofMinutes(5));
      }

      assertThat(chat.requests("/slack")).hasSize(5); // 3 refused, then both cases
      assertThat(h.pipeline.outbox().entries(Set.of(Outbox.SENT), 100))
          .filteredOn(e -> e.receiver().equals("ops-slack"))
          .hasSize(2);
    }
  }

  @Test
  void waitsAsLongAsTheToolAsksWhenItAnswers429() {
    answerLikeTheTools();
    chat.on("/discord", Answer.discordRateLimited(120), Answer.discordNoContent());
    try (PipelineHarness h = new PipelineHarness(dir, issueExample(""), clock, "one")) {
      h.ingest("email/ts-port-scan.eml");
      h.pipeline.deliver(Duration.ofSeconds(30));
      clock.advance(Duration.ofSeconds(100));
      h.pipeline.deliver(Duration.ofSeconds(30));
      int before = chat.requests("/discord").size();
      clock.advance(Duration.ofSeconds(30));
      h.pipeline.deliver(Duration.ofSeconds(30));

      assertThat(before).isEqualTo(1);
      assertThat(chat.requests("/discord")).hasSize(2);
    }
  }

  @Test
  void showsPermanentRefusalsWithTheToolsReason() {
    answerLikeTheTools();
    chat.on("/slack", Answer.of(404, "no_service"));
    try (PipelineHarness h = new PipelineHarness(dir, issueExample(""), clock, "one")) {
      h.ingest("email/ts-port-scan.eml");
      h.pipeline.deliver(Duration.ofSeconds(30));

      assertThat(h.pipeline.outbox().entries(Set.of(Outbox.FAILED), 10))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.receiver()).isEqualTo("ops-slack");
                assertThat(e.lastError()).contains("404").contains("no_service");
              });
    }
  }

  @Test
  void aReceiverWhoseSecretCouldNotBeReadKeepsItsMessageQueuedWithTheReasonAndTheOthersGetTheirs() {
    answerLikeTheTools();
    String yaml =
        issueExample("").replace("hmac_secret: \"change-me\"", "hmac_secret: {env: HOOK_KEY}")
            + Fixtures.TRUST_FIXTURE_MTA;
    Config config = Config.parse(yaml, dir, Map.of(), SecretCheck.WHEN_USED);
    try (PipelineHarness h = new PipelineHarness(dir, config, clock, "one")) {
      h.ingest("email/ts-port-scan.eml");
      h.pipeline.deliver(Duration.ofSeconds(30));

      assertThat(chat.requests("/hook")).isEmpty();
      assertThat(chat.requests("/slack")).hasSize(1);
      assertThat(h.pipeline.outbox().entries(Set.of(Outbox.PENDING), 10))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.receiver()).isEqualTo("ops-hook");
                assertThat(e.lastError())
                    .isEqualTo(
                        "receivers[1].webhook.hmac_secret: environment variable HOOK_KEY is not"
                            + " set (line 10)");
              });
    }
  }

  @Test
  void losesNothingWhenAnInstanceDiesInTheMiddleOfABacklog() {
    answerLikeTheTools();
    String yaml = issueExample("");
    try (PipelineHarness h = new PipelineHarness(dir, yaml, clock, "dead")) {
      for (int i = 0; i < 12; i++) {
        h.ingest(variant(i));
      }
      // The dying instance claims part of the backlog and never reports back.
      for (String receiver : List.of("ops-slack", "ops-discord")) {
        h.pipeline
            .outbox()
            .claim(
                new Outbox.Claim(
                    "dead", receiver, Optional.empty(), clock.instant(), Duration.ofMinutes(2), 8));
      }
    }
    clock.advance(Duration.ofMinutes(3));
    try (PipelineHarness restarted = new PipelineHarness(dir, yaml, clock, "alive")) {
      for (int round = 0; round < 5; round++) {
        restarted.pipeline.deliver(Duration.ofSeconds(60));
      }
      assertThat(restarted.pipeline.outbox().depth().pending()).isZero();
    }
    // Twelve cases at once are more than Slack and Discord take one by one: a digest each.
    for (String path : List.of("/slack", "/discord")) {
      assertThat(casesNamed(path, 12)).as(path).hasSize(12);
    }
  }

  @Test
  void deliversABurstOf500CasesWithoutA429Storm() {
    answerLikeTheTools();
    chat.rateLimit("/slack", 100);
    String yaml = issueExample("rate_per_second: 80");
    try (PipelineHarness h =
        new PipelineHarness(
            dir,
            yaml.replace(
                "[ops-slack, ops-hook, ops-teams, ops-gchat, ops-discord, ops-chatwork]",
                "[ops-slack]"),
            clock,
            "one")) {
      for (int i = 0; i < 500; i++) {
        h.spoolOnly(variant(i));
      }
      h.pipeline.recordAndQueue();
      for (int round = 0; round < 20 && h.pipeline.outbox().depth().pending() > 0; round++) {
        h.pipeline.deliver(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(30));
      }

      assertThat(h.pipeline.outbox().depth().pending()).isZero();
      assertThat(chat.requests("/slack").size() - chat.rateLimited("/slack")).isEqualTo(500);
      assertThat(chat.rateLimited("/slack")).isLessThan(10);
    }
  }

  @Test
  void escalatesEveryCaseDueAtTheSameMomentOnce() {
    answerLikeTheTools();
    chat.on("/pager", Answer.of(200, "ok"));
    String yaml =
        issueExample("")
                .replace(
                    "[ops-slack, ops-hook, ops-teams, ops-gchat, ops-discord, ops-chatwork]",
                    "[ops-slack]")
            + "reminders: {escalation_receivers: [pager]}\n";
    yaml =
        yaml.replace(
            "receivers:\n",
            "receivers:\n  - name: pager\n    webhook: {url: \"" + chat.uri("/pager") + "\"}\n");
    // Both notices were sent at 2025-10-14T03:12:40Z: due at the same instant.
    clock.set(Instant.parse("2025-10-14T23:30:00Z"));
    try (PipelineHarness h = new PipelineHarness(dir, yaml, clock, "one")) {
      h.ingest(variant(1));
      h.ingest(variant(2));
      int queued = h.pipeline.remind();
      int again = h.pipeline.remind();
      h.pipeline.deliver(Duration.ofSeconds(30));

      assertThat(queued).isEqualTo(4); // an escalation per case, to ops-slack and the pager
      assertThat(again).isZero();
      assertThat(chat.requests("/pager")).hasSize(2);
    }
  }

  @Test
  void foldsABurstIntoDigestsThatNameEveryCaseThenSendsLaterMessagesOneByOne() {
    answerLikeTheTools();
    chat.rateLimit("/slack", 1);
    String yaml =
        issueExample("")
            .replace(
                "[ops-slack, ops-hook, ops-teams, ops-gchat, ops-discord, ops-chatwork]",
                "[ops-slack, ops-hook]");
    try (PipelineHarness h = new PipelineHarness(dir, yaml, clock, "one")) {
      for (int i = 0; i < 40; i++) {
        h.spoolOnly(variant(i));
      }
      h.pipeline.recordAndQueue();
      long started = System.nanoTime();
      while (h.pipeline.outbox().depth().pending() > 0
          && System.nanoTime() - started < Duration.ofSeconds(60).toNanos()) {
        h.pipeline.deliver(Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(5)); // so that a 429's Retry-After passes
      }

      // 40 cases in digests of at most 15: three Slack messages, none refused for its pace.
      assertThat(casesNamed("/slack", 40)).hasSize(40);
      assertThat(chat.requests("/slack").size() - chat.rateLimited("/slack")).isEqualTo(3);
      assertThat(chat.rateLimited("/slack")).isLessThan(2);
      assertThat(chat.requests("/slack").get(0).body())
          .contains("15 new AWS abuse reports (1/3)", "*#1 Denial of service", "AWS case 400000");
      // A webhook takes one event per case: paced, never folded.
      assertThat(chat.requests("/hook")).hasSize(40);
      assertThat(h.pipeline.outbox().entries(Set.of(Outbox.SENT), 100))
          .filteredOn(e -> e.receiver().equals("ops-slack"))
          .hasSize(40)
          .allSatisfy(e -> assertThat(e.sentAs()).isEqualTo("digest"));

      // The next message about a case goes on its own.
      h.ingest(
          new String(variant(3), StandardCharsets.UTF_8)
              .replace("0100018f2a1b0003", "0100018f2a1bffff")
              .replace("Subject: ", "Subject: Re: ")
              .getBytes(StandardCharsets.UTF_8));
      h.pipeline.deliver(Duration.ofSeconds(5));
      List<LoopbackHttp.Request> slack = chat.requests("/slack");
      assertThat(slack.get(slack.size() - 1).body()).contains("40000003").contains("Update");
    }
  }

  @Test
  void aFewCasesAtOnceStillGoOneByOne() {
    answerLikeTheTools();
    String yaml =
        issueExample("")
            .replace(
                "[ops-slack, ops-hook, ops-teams, ops-gchat, ops-discord, ops-chatwork]",
                "[ops-slack]");
    try (PipelineHarness h = new PipelineHarness(dir, yaml, clock, "one")) {
      for (int i = 0; i < 4; i++) {
        h.spoolOnly(variant(i));
      }
      h.pipeline.recordAndQueue();
      h.pipeline.deliver(Duration.ofSeconds(10));

      assertThat(chat.requests("/slack")).hasSize(4);
      assertThat(h.pipeline.outbox().entries(Set.of(Outbox.SENT), 10))
          .allSatisfy(e -> assertThat(e.sentAs()).isEmpty());
    }
  }

  @Test
  void aLongQueueNeverPushesTheNextSlotFurtherAway() {
    answerLikeTheTools();
    // Alerts of one kind never fold for a webhook: 30 of them drain at its pace of 5 a second.
    String yaml =
        issueExample("")
            .replace(
                "[ops-slack, ops-hook, ops-teams, ops-gchat, ops-discord, ops-chatwork]",
                "[ops-hook]");
    try (PipelineHarness h = new PipelineHarness(dir, yaml, clock, "one")) {
      for (int i = 0; i < 30; i++) {
        h.spoolOnly(variant(i));
      }
      h.pipeline.recordAndQueue();
      // Short rounds, each leaving most of the queue for the next: the runaway that stalled.
      int rounds = 0;
      while (h.pipeline.outbox().depth().pending() > 0 && rounds < 60) {
        h.pipeline.deliver(Duration.ofMillis(500));
        rounds++;
      }

      assertThat(chat.requests("/hook")).hasSize(30);
      assertThat(rounds).isLessThan(60);
    }
  }

  /** The case numbers of {@code count} variants that requests to {@code path} name. */
  private Set<String> casesNamed(String path, int count) {
    Set<String> named = new java.util.TreeSet<>();
    for (LoopbackHttp.Request r : chat.requests(path)) {
      for (int i = 0; i < count; i++) {
        String number = Integer.toString(40_000_000 + i);
        if (r.body().contains(number)) {
          named.add(number);
        }
      }
    }
    return named;
  }

  /** The DoS notice as a new, separate AWS case. */
  private static byte[] variant(int i) {
    String number = Integer.toString(40_000_000 + i);
    return new String(Fixtures.bytes("email/ec2-abuse-dos.eml"), StandardCharsets.UTF_8)
        .replace("20816735", number)
        .replace("0100018f2a1b2c3d", "0100018f2a1b" + String.format("%04d", i))
        .getBytes(StandardCharsets.UTF_8);
  }
}
