package dev.abusedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.abusedesk.config.Language;
import dev.abusedesk.config.ReceiverKind;
import dev.abusedesk.config.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackBotNotifierTest {

  private final SlackBotNotifier notifier =
      new SlackBotNotifier(
          new ReceiverKind.SlackBot(
              Secret.of("xoxb-1"),
              "C0123456789",
              URI.create("https://slack.example/api/"),
              Optional.empty()));

  private final Alert alert =
      TestReceivers.alert(TestReceivers.reports("email/ec2-abuse-dos.eml").get(0));

  private JsonNode body(Alert a, Optional<String> thread) {
    Rendering rendering =
        new Rendering(Language.EN, TestReceivers.TOKYO, a.createdAt(), List.of(), thread);
    Outgoing.HttpCall call = (Outgoing.HttpCall) notifier.render(a, rendering);
    assertThat(call.uri()).isEqualTo(URI.create("https://slack.example/api/chat.postMessage"));
    assertThat(call.headers()).containsEntry("Authorization", "Bearer xoxb-1");
    return GoldenRequest.parse(call.body());
  }

  @Test
  void startsAThreadWithTheFirstMessageAndPostsLaterOnesIntoIt() {
    JsonNode first = body(alert, Optional.empty());
    JsonNode reminder =
        body(AlertDraft.of(alert).type(Alert.Type.REMINDER).build(), Optional.of("1.2"));
    JsonNode status =
        body(AlertDraft.of(alert).type(Alert.Type.STATUS).build(), Optional.of("1.2"));

    assertThat(first.has("thread_ts")).isFalse();
    assertThat(reminder.path("thread_ts").asText()).isEqualTo("1.2");
    assertThat(reminder.path("reply_broadcast").asBoolean()).isTrue();
    assertThat(status.path("thread_ts").asText()).isEqualTo("1.2");
    assertThat(status.has("reply_broadcast")).isFalse();
  }

  @Test
  void withoutASigningSecretTheAcknowledgementStaysALinkButton() {
    JsonNode first = body(alert, Optional.empty());

    assertThat(first.toString()).contains("/ack/42?sig=0000").doesNotContain("abusedesk_ack");
  }

  @Test
  void withASigningSecretTheFirstMessageHasARealAcknowledgeButton() {
    SlackBotNotifier interactive =
        new SlackBotNotifier(
            new ReceiverKind.SlackBot(
                Secret.of("xoxb-1"),
                "C0123456789",
                URI.create("https://slack.example/api/"),
                Optional.of(Secret.of("signing-secret"))));
    Rendering rendering =
        new Rendering(
            Language.EN, TestReceivers.TOKYO, alert.createdAt(), List.of(), Optional.empty());

    JsonNode first =
        GoldenRequest.parse(((Outgoing.HttpCall) interactive.render(alert, rendering)).body());

    JsonNode button = first.findValues("elements").get(0).get(0);
    assertThat(button.path("type").asText()).isEqualTo("button");
    assertThat(button.path("action_id").asText()).isEqualTo("abusedesk_ack");
    assertThat(button.path("value").asText()).isEqualTo("42");
    assertThat(button.has("url")).isFalse();
    assertThat(first.toString()).doesNotContain("/ack/42?sig=0000");
  }

  @Test
  void keepsTheMessageTsSoLaterMessagesCanThread() {
    Response ok =
        new Response(
            200, Map.of(), "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1760918400.000100\"}");

    assertThat(notifier.classify(ok)).isEqualTo(new Delivery.Sent("1760918400.000100"));
  }

  @Test
  void failsOnSlackErrorsThatComeWithHttp200() {
    Response notInChannel =
        new Response(200, Map.of(), "{\"ok\":false,\"error\":\"not_in_channel\"}");

    assertThat(notifier.classify(notInChannel))
        .isEqualTo(new Delivery.Failed("slack: not_in_channel"));
  }

  @Test
  void retriesWhenSlackSaysRatelimitedInABody() {
    Response limited =
        new Response(
            200, Map.of("retry-after", List.of("30")), "{\"ok\":false,\"error\":\"ratelimited\"}");

    assertThat(notifier.classify(limited))
        .isEqualTo(new Delivery.Retry(Duration.ofSeconds(30), "slack: ratelimited"));
  }

  @Test
  void updatesTheFirstMessageInPlaceWithTheCurrentStatus() {
    Alert replied =
        AlertDraft.of(alert)
            .type(Alert.Type.STATUS)
            .status(dev.abusedesk.cases.CaseStatus.REPLIED)
            .owner("alice")
            .build();
    Rendering rendering =
        new Rendering(
            Language.EN, TestReceivers.TOKYO, alert.createdAt(), List.of(), Optional.of("1.2"));

    Outgoing.HttpCall call =
        (Outgoing.HttpCall) notifier.renderFirstMessageUpdate(replied, rendering).orElseThrow();
    JsonNode body = GoldenRequest.parse(call.body());

    assertThat(call.uri().getPath()).isEqualTo("/api/chat.update");
    assertThat(body.path("ts").asText()).isEqualTo("1.2");
    assertThat(body.path("channel").asText()).isEqualTo("C0123456789");
    assertThat(body.toString()).contains("New AWS abuse report", "Replied to AWS", "alice");
  }
}
