package dev.abusedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.abusedesk.config.Language;
import dev.abusedesk.config.ReceiverKind;
import dev.abusedesk.config.Secret;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mail through a real SMTP server (GreenMail on a free port). */
class SmtpTransportTest {

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser("abusedesk@example.com", "right-password"));

  private static ReceiverKind.Email relay(int port, boolean starttls, String password) {
    return new ReceiverKind.Email(
        "127.0.0.1",
        port,
        starttls,
        Optional.of("abusedesk@example.com"),
        Optional.of(Secret.of(password)),
        "Abuse Desk <abusedesk@example.com>",
        List.of("security@example.com", "oncall@example.com"));
  }

  private static Outgoing.MailMessage mail(ReceiverKind.Email relay, Language language) {
    Alert alert = TestReceivers.alert(TestReceivers.reports("email/spoofed-dkim-fail.eml").get(0));
    return (Outgoing.MailMessage)
        new EmailNotifier(relay)
            .render(
                alert,
                new Rendering(
                    language, TestReceivers.TOKYO, alert.createdAt(), List.of(), Optional.empty()));
  }

  private static Delivery send(ReceiverKind.Email relay, Language language) {
    return new SmtpTransport(relay, Clock.systemUTC(), Duration.ofSeconds(2), Duration.ofSeconds(5))
        .send(mail(relay, language));
  }

  @Test
  void deliversAJapaneseAlertToEveryRecipientAfterLoggingIn() throws Exception {
    ReceiverKind.Email relay = relay(SMTP.getSmtp().getPort(), false, "right-password");

    Delivery delivery = send(relay, Language.JA);

    assertThat(delivery).isInstanceOf(Delivery.Sent.class);
    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(2);
    MimeMessage message = received[0];
    assertThat(message.getSubject()).startsWith("[AbuseDesk] AWS不正利用の通報（新規） — フィッシングサイト");
    assertThat((String) message.getContent()).contains("送信元を検証できませんでした", "ケース #42");
    assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(message.getFrom()[0].toString()).isEqualTo("Abuse Desk <abusedesk@example.com>");
  }

  @Test
  void failsForGoodWithoutShowingThePasswordWhenTheLoginIsRefused() {
    Delivery delivery = send(relay(SMTP.getSmtp().getPort(), false, "wrong-password"), Language.EN);

    assertThat(delivery).isEqualTo(new Delivery.Failed("SMTP login refused by 127.0.0.1"));
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void refusesToSendInTheClearWhenStarttlsIsConfiguredButNotOffered() {
    Delivery delivery = send(relay(SMTP.getSmtp().getPort(), true, "right-password"), Language.EN);

    assertThat(delivery).isInstanceOf(Delivery.Failed.class);
    assertThat(((Delivery.Failed) delivery).reason())
        .contains("STARTTLS")
        .doesNotContain("right-password");
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void retriesWhenTheRelayCannotBeReached() {
    int closed = HttpReceivers.closedPort().getPort();

    Delivery delivery = send(relay(closed, false, "right-password"), Language.EN);

    assertThat(delivery)
        .isEqualTo(new Delivery.Retry(null, "cannot reach 127.0.0.1: ConnectException"));
  }
}
