package dev.abusedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.Language;
import dev.abusedesk.config.ReceiverKind;
import dev.abusedesk.config.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoogleChatNotifierTest {

  private final GoogleChatNotifier notifier =
      new GoogleChatNotifier(
          new ReceiverKind.GoogleChat(
              Secret.of("https://chat.example/v1/spaces/A/messages?key=k&token=t")));

  private final Alert alert =
      TestReceivers.alert(TestReceivers.reports("email/ec2-abuse-dos.eml").get(0));

  private Outgoing.HttpCall render(Alert a) {
    return (Outgoing.HttpCall)
        notifier.render(
            a,
            new Rendering(
                Language.EN, TestReceivers.TOKYO, a.createdAt(), List.of(), Optional.empty()));
  }

  @Test
  void postsEveryMessageAboutACaseIntoOneThread() {
    String first = render(alert).uri().getRawQuery();
    String reminder =
        render(AlertDraft.of(alert).type(Alert.Type.REMINDER).build()).uri().getRawQuery();

    assertThat(first)
        .isEqualTo(
            "key=k&token=t&threadKey=abusedesk-case-42&messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD");
    assertThat(reminder).isEqualTo(first);
  }

  @Test
  void keepsTheCreatedMessageNameAsItsReference() {
    Response ok = new Response(200, Map.of(), "{\"name\":\"spaces/A/messages/B\"}");

    assertThat(notifier.classify(ok)).isEqualTo(new Delivery.Sent("spaces/A/messages/B"));
  }
}
