package dev.abusedesk.desk;

import dev.abusedesk.config.Reply;
import dev.abusedesk.report.Report;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Whom "Send to AWS" writes to: the sender of the case's latest verified AWS mail, when that sender
 * is one of {@code reply.aws_addresses}; nobody otherwise. Whoever opened the case, and whatever
 * unverified or forged mail joined it, is never offered.
 */
sealed interface AwsRecipient {

  /**
   * @param address the allow-list's entry, so nothing the mail wrote becomes the recipient
   * @param answered the verified mail the reply answers
   */
  record Found(String address, Report.MailOrigin answered) implements AwsRecipient {
    public Found {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(answered, "answered");
    }
  }

  /**
   * @param sender the sender of the latest verified AWS mail, when that is why
   */
  record Nobody(Why why, String sender) implements AwsRecipient {
    public Nobody {
      Objects.requireNonNull(why, "why");
      Objects.requireNonNull(sender, "sender");
    }
  }

  /** Why no reply can be sent from the desk. */
  enum Why {
    NO_MAIL(Words.NO_SEND_NO_MAIL),
    NOT_VERIFIED(Words.NO_SEND_UNVERIFIED),
    NOT_LISTED(Words.NO_SEND_NOT_LISTED);

    final Words words;

    Why(Words words) {
      this.words = words;
    }
  }

  /** The recipient for a case with these reports, oldest first. */
  static AwsRecipient of(List<Report> reports, Reply reply) {
    Report latest = null;
    boolean anyMail = false;
    for (Report report : reports) {
      if (!(report.origin() instanceof Report.MailOrigin mail)) {
        continue;
      }
      anyMail = true;
      if (mail.forwarded() || !report.provenance().verified()) {
        continue;
      }
      if (latest == null || !report.receivedAt().isBefore(latest.receivedAt())) {
        latest = report;
      }
    }
    if (latest == null) {
      return new Nobody(anyMail ? Why.NOT_VERIFIED : Why.NO_MAIL, "");
    }
    Report.MailOrigin mail = (Report.MailOrigin) latest.origin();
    Optional<String> sender = onlyAddress(mail.from());
    if (sender.isEmpty() || !reply.mayAnswer(sender.get())) {
      return new Nobody(Why.NOT_LISTED, sender.orElse(mail.from()));
    }
    return new Found(reply.awsAddresses().get(reply.awsAddresses().indexOf(sender.get())), mail);
  }

  /** The one address a From value names, lower case; empty for none or several. */
  private static Optional<String> onlyAddress(String from) {
    try {
      InternetAddress[] addresses = InternetAddress.parseHeader(from, true);
      return addresses.length == 1
          ? Optional.of(addresses[0].getAddress().toLowerCase(Locale.ROOT))
          : Optional.empty();
    } catch (AddressException e) {
      return Optional.empty();
    }
  }
}
