package dev.abusedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Only a Message-ID of RFC 5322's own shape is ever written into a reply's headers. */
class MessageIdTest {

  @Test
  void readsTheIdsMailersWrite() {
    for (String id :
        List.of(
            "<0100018f2a1b2c3d-ab12cd34-ef56-7890-abcd-ef1234567890-000000@email.amazonses.com>",
            "<ts-11983634034-1-a@support.aws.com>",
            "<CAF=+x_y.z!#$%&'*/?^`{|}~@mail.gmail.com>",
            "<a@[192.0.2.1]>")) {
      assertThat(MessageId.parse(id)).as(id).map(MessageId::header).contains(id);
    }
  }

  @Test
  void dropsAnythingThatCouldBreakAHeaderOrIsNotOneId() {
    for (String text :
        List.of(
            "y\r\nReply-To: attacker@evil.example\r\n\r\nbody",
            "<y\r\nReply-To: attacker@evil.example@x>",
            "<a@b>\r\nBcc: attacker@evil.example",
            "<a\n@b>",
            "<a@b\tc>",
            "<a b@c>",
            "<a\u0000@b>",
            "<a\u0001@b>",
            "<a\u007f@b>",
            "<a\u0085@b>",
            "<a\u2028@b>",
            "<<a@b>>",
            "<a@b> <c@d>",
            "<a<b@c>",
            "<a@b>c>",
            "a@b",
            "<a@b",
            "<ab>",
            "<@b>",
            "<a@>",
            "<a..b@c>",
            "<.a@b>",
            "<a@b.>",
            "<\"quoted\"@b>",
            "<a@[b\\c]>",
            "<a@[b[c]>",
            "<ä@b>",
            " <a@b>",
            "",
            "<" + "a".repeat(MessageId.MAX_LENGTH) + "@b>")) {
      assertThat(MessageId.parse(text)).as(text).isEmpty();
    }
    assertThat(MessageId.parse(null)).isEmpty();
    assertThatThrownBy(() -> new MessageId("a\r\nb", "c"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aReplysReferencesAreTheThreadsCheckedIdsNewestLastAtMostTen() {
    List<String> earlier = new java.util.ArrayList<>();
    for (int i = 0; i < 15; i++) {
      earlier.add("<r" + i + "@x.example>");
    }
    earlier.add("<bad\u0001@x.example>");
    earlier.add("<answered@aws.example>");
    Optional<MessageId> answered = MessageId.parse("<answered@aws.example>");

    List<String> refs =
        ReplyMail.references(earlier, answered).stream().map(MessageId::header).toList();

    assertThat(refs).hasSize(ReplyMail.MAX_REFERENCES);
    assertThat(refs).last().isEqualTo("<answered@aws.example>");
    assertThat(refs).first().isEqualTo("<r6@x.example>");
    assertThat(refs).doesNotContain("<bad\u0001@x.example>");
  }

  @Test
  void aReplysSubjectIsOneLineWithoutControlCharacters() {
    assertThat(ReplyMail.subject("Re: a\r\nBcc: x@y\u0000\u0085\u2028z", "ignored"))
        .isEqualTo("Re: a Bcc: x@y z");
    assertThat(ReplyMail.subject("  ", "Your Amazon EC2 Abuse Report [1]\r\n"))
        .isEqualTo("Re: Your Amazon EC2 Abuse Report [1]");
    assertThat(ReplyMail.subject("x".repeat(500), "")).hasSize(ReplyMail.MAX_SUBJECT);
  }
}
