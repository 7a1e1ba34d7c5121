package dev.abusedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.abusedesk.config.Language;
import dev.abusedesk.config.ReceiverKind;
import dev.abusedesk.config.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {

  private final Alert alert =
      TestReceivers.alert(TestReceivers.reports("email/ec2-abuse-dos.eml").get(0));

  private Outgoing.HttpCall render(Optional<Secret> hmac) {
    WebhookNotifier notifier =
        new WebhookNotifier(
            new ReceiverKind.Webhook(
                URI.create("https://hooks.example/abuse"),
                hmac,
                Map.of("X-Tenant", Secret.of("t1"))));
    return (Outgoing.HttpCall)
        notifier.render(
            alert,
            new Rendering(
                Language.EN, TestReceivers.TOKYO, alert.createdAt(), List.of(), Optional.empty()));
  }

  @Test
  void signsTheBodyWithHmacSha256AsAReceiverWouldCheckIt() throws Exception {
    Outgoing.HttpCall call = render(Optional.of(Secret.of("change-me")));

    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("change-me".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        "sha256="
            + HexFormat.of().formatHex(mac.doFinal(call.body().getBytes(StandardCharsets.UTF_8)));

    assertThat(call.headers()).containsEntry("X-AbuseDesk-Signature", expected);
    assertThat(call.headers()).containsEntry("X-Tenant", "t1");
    assertThat(call.body()).doesNotContain("change-me");
  }

  @Test
  void statesItsTimeInTheSignedBodyAndTheHeader() {
    Outgoing.HttpCall call = render(Optional.of(Secret.of("change-me")));
    JsonNode body = GoldenRequest.parse(call.body());

    assertThat(call.headers())
        .containsEntry("X-AbuseDesk-Timestamp", Long.toString(alert.createdAt().getEpochSecond()));
    assertThat(body.path("sent_at").asText()).isEqualTo(alert.createdAt().toString());
    assertThat(body.path("schema").asText()).isEqualTo("abusedesk.alert.v1");
  }

  @Test
  void sendsNoSignatureWithoutASecret() {
    assertThat(render(Optional.empty()).headers()).doesNotContainKey("X-AbuseDesk-Signature");
  }

  @Test
  void namesTheAlertTheSameWayOnEveryRetry() {
    assertThat(render(Optional.empty()).headers().get("X-AbuseDesk-Event-Id"))
        .isEqualTo(render(Optional.empty()).headers().get("X-AbuseDesk-Event-Id"))
        .isEqualTo("case-42-new_case-" + alert.createdAt().toEpochMilli());
  }
}
