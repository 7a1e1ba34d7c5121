package dev.abusedesk.desk;

import dev.abusedesk.config.Reply;
import dev.abusedesk.config.Secret;
import dev.abusedesk.report.Report;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Sends a reply draft to AWS through the configured relay, as a reply to the verified AWS mail the
 * recipient was chosen from: {@code Re:} its subject, In-Reply-To and References naming it. Every
 * header value is built from checked parts: the recipient from {@code reply.aws_addresses}, the
 * Message-IDs through {@link MessageId} (an invalid one is left out), the subject one line without
 * control characters; none can carry a line break into the header block.
 */
public final class ReplyMail {

  /** A References header names at most this many of the thread's Message-IDs, the newest. */
  static final int MAX_REFERENCES = 10;

  /** The subject is cut here, in characters. */
  static final int MAX_SUBJECT = 200;

  private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]+");
  private static final Pattern SPACES = Pattern.compile(" {2,}");

  /** What became of a send. */
  sealed interface Sent permits Sent.Done, Sent.Failed {
    record Done(String messageId) implements Sent {}

    record Failed(String reason) implements Sent {}
  }

  private final Reply reply;
  private final Clock clock;

  public ReplyMail(Reply reply, Clock clock) {
    this.reply = Objects.requireNonNull(reply, "reply");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  Reply reply() {
    return reply;
  }

  Sent send(AwsRecipient.Found to, String subject, String body) {
    Report.MailOrigin aws = to.answered();
    try {
      Session session = Session.getInstance(properties(), authenticator());
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(reply.from(), true));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(to.address(), true));
      message.setSubject(subject(subject, aws.subject()), "UTF-8");
      Optional<MessageId> answered = MessageId.parse(aws.messageId());
      List<MessageId> thread = references(aws.references(), answered);
      if (answered.isPresent()) {
        message.setHeader("In-Reply-To", answered.get().header());
      }
      if (!thread.isEmpty()) {
        String refs = String.join(" ", thread.stream().map(MessageId::header).toList());
        // Folding only at the spaces put between the IDs here: RFC 5322 lines stay short.
        message.setHeader("References", MimeUtility.fold("References: ".length(), refs));
      }
      message.setSentDate(Date.from(clock.instant()));
      message.setText(body.replace("\r\n", "\n"), "UTF-8");
      Transport.send(message);
      return new Sent.Done(message.getMessageID());
    } catch (MessagingException e) {
      return new Sent.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** {@code Re:} and one line of text, from the draft's subject or else the AWS mail's. */
  static String subject(String draft, String answered) {
    String line = oneLine(draft);
    if (line.isEmpty()) {
      line = oneLine(answered);
    }
    line = line.regionMatches(true, 0, "Re:", 0, 3) ? line : "Re: " + line;
    return line.codePointCount(0, line.length()) > MAX_SUBJECT
        ? line.substring(0, line.offsetByCodePoints(0, MAX_SUBJECT))
        : line;
  }

  private static String oneLine(String text) {
    return SPACES.matcher(UNSAFE.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
  }

  /** The answered mail's References and its own Message-ID, each checked, the newest last. */
  static List<MessageId> references(List<String> earlier, Optional<MessageId> answered) {
    LinkedHashSet<MessageId> ids = new LinkedHashSet<>();
    earlier.stream().map(MessageId::parse).flatMap(Optional::stream).forEach(ids::add);
    answered.ifPresent(
        id -> {
          ids.remove(id);
          ids.add(id);
        });
    List<MessageId> all = new ArrayList<>(ids);
    return List.copyOf(all.subList(Math.max(0, all.size() - MAX_REFERENCES), all.size()));
  }

  private Properties properties() {
    Properties p = new Properties();
    p.put("mail.smtp.host", reply.host());
    p.put("mail.smtp.port", String.valueOf(reply.port()));
    p.put("mail.smtp.starttls.enable", String.valueOf(reply.starttls()));
    p.put("mail.smtp.starttls.required", String.valueOf(reply.starttls()));
    p.put("mail.smtp.auth", String.valueOf(reply.username().isPresent()));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "20000");
    p.put("mail.smtp.writetimeout", "20000");
    return p;
  }

  private Authenticator authenticator() {
    if (reply.username().isEmpty()) {
      return null;
    }
    String user = reply.username().get();
    String password = reply.password().map(Secret::reveal).orElse("");
    return new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(user, password);
      }
    };
  }
}
