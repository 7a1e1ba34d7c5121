package dev.abusedesk.app.desk;

import dev.abusedesk.config.Reply;
import dev.abusedesk.config.Secret;
import dev.abusedesk.report.Report;
import dev.abusedesk.respond.CaseFacts;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends a reply draft to AWS through the configured relay, as a reply to the AWS mail: to its
 * sender, {@code Re:} its subject, In-Reply-To and References naming it.
 */
public final class ReplyMail {

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

  Sent send(CaseFacts facts, String subject, String body) {
    if (facts.awsMail().isEmpty()) {
      return new Sent.Failed("the case has no AWS mail to answer");
    }
    Report.MailOrigin aws = facts.awsMail().get();
    try {
      Session session = Session.getInstance(properties(), authenticator());
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(reply.from(), true));
      message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(aws.from(), false));
      String line = subject.replaceAll("[\\r\\n]+", " ").strip();
      message.setSubject(line.regionMatches(true, 0, "Re:", 0, 3) ? line : "Re: " + line, "UTF-8");
      if (!aws.messageId().isEmpty()) {
        String id = "<" + aws.messageId() + ">";
        message.setHeader("In-Reply-To", id);
        StringBuilder refs = new StringBuilder();
        aws.references().forEach(r -> refs.append('<').append(r).append("> "));
        message.setHeader("References", (refs + id).strip());
      }
      message.setSentDate(Date.from(clock.instant()));
      message.setText(body.replace("\r\n", "\n"), "UTF-8");
      Transport.send(message);
      return new Sent.Done(message.getMessageID());
    } catch (MessagingException e) {
      return new Sent.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
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
