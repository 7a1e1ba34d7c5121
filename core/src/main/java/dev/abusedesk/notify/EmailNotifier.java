package dev.abusedesk.notify;

import dev.abusedesk.config.ReceiverKind;
import java.util.Objects;

/**
 * Mail through an SMTP relay: a plain-text message; {@link SmtpTransport} sends it. The subject
 * holds only our own words and the case number, never report text.
 */
final class EmailNotifier implements Notifier {

  static final int MAX_SUBJECT = 200;

  private final ReceiverKind.Email kind;

  EmailNotifier(ReceiverKind.Email kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  @Override
  public Outgoing render(Alert alert, Rendering rendering) {
    return mail(AlertText.of(alert, rendering));
  }

  @Override
  public java.util.Optional<Digests> digests() {
    return java.util.Optional.of((digest, rendering) -> mail(digest));
  }

  private Outgoing mail(AlertText text) {
    String subject =
        Cut.chars(
            "[AbuseDesk] " + text.title().replaceAll("[\\r\\n]+", " "),
            MAX_SUBJECT,
            text.texts().truncated());
    return new Outgoing.MailMessage(
        kind.from(), kind.to(), subject, text.plain() + "\n-- \nAbuse Desk\n");
  }

  /** Mail is classified by {@link SmtpTransport}, which reads SMTP replies, not HTTP. */
  @Override
  public Delivery classify(Response response) {
    return Answers.classify(response, "", response.body());
  }

  @Override
  public String toString() {
    return "EmailNotifier[" + kind.describe() + "]";
  }
}
