package dev.abusedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.abusedesk.config.Language;
import dev.abusedesk.config.ReceiverKind;
import dev.abusedesk.config.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiscordNotifierTest {

  private final DiscordNotifier notifier =
      new DiscordNotifier(
          new ReceiverKind.Discord(Secret.of("https://discord.example/api/webhooks/1/x")));

  private final Alert alert =
      TestReceivers.alert(TestReceivers.reports("email/ec2-abuse-dos.eml").get(0));

  private JsonNode render(List<String> mentions) {
    Rendering rendering =
        new Rendering(
            Language.EN, TestReceivers.TOKYO, alert.createdAt(), mentions, Optional.empty());
    return GoldenRequest.parse(((Outgoing.HttpCall) notifier.render(alert, rendering)).body());
  }

  @Test
  void parsesNoMentionsAndAllowsOnlyTheConfiguredUsersAndRoles() {
    JsonNode none = render(List.of());
    JsonNode some = render(List.of("<@111>", "<@!222>", "<@&333>", "@here"));

    assertThat(none.path("allowed_mentions").path("parse")).isEmpty();
    assertThat(none.path("allowed_mentions").has("users")).isFalse();
    assertThat(some.path("allowed_mentions").path("parse")).isEmpty();
    assertThat(some.path("allowed_mentions").path("users").toString())
        .isEqualTo("[\"111\",\"222\"]");
    assertThat(some.path("allowed_mentions").path("roles").toString()).isEqualTo("[\"333\"]");
  }

  @Test
  void waitsAsLongAsTheRetryAfterSecondsInTheBody() {
    Response limited =
        new Response(
            429,
            Map.of(),
            "{\"message\":\"You are being rate limited.\",\"retry_after\":1.337,\"global\":false}");

    Delivery delivery = notifier.classify(limited);

    assertThat(delivery).isInstanceOf(Delivery.Retry.class);
    assertThat(((Delivery.Retry) delivery).after()).isEqualTo(Duration.ofMillis(1337));
  }

  @Test
  void escapesMarkdownAndBreaksBroadcastMentions() {
    assertThat(DiscordNotifier.escape("@everyone [x](http://y) *b* <@1>"))
        .isEqualTo("@\u200Beveryone \\[x\\](http://y) \\*b\\* \\<@1\\>");
  }
}
