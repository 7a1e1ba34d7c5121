package dev.abusedesk.notify;

import dev.abusedesk.config.ReceiverKind;
import dev.abusedesk.config.Secret;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sends mail through the configured SMTP relay with Jakarta Mail: STARTTLS required when
 * configured, AUTH when a username is. SMTP 4xx replies and network errors are worth retrying; 5xx
 * replies and a refused login are not. Reasons name the host and the server's reply, never the
 * password.
 */
public final class SmtpTransport {

  private final ReceiverKind.Email relay;
  private final Clock clock;
  private final Session session;

  public SmtpTransport(ReceiverKind.Email relay, Clock clock) {
    this(relay, clock, HttpTransport.CONNECT_TIMEOUT, HttpTransport.REQUEST_TIMEOUT);
  }

  public SmtpTransport(
      ReceiverKind.Email relay, Clock clock, Duration connectTimeout, Duration timeout) {
    this.relay = Objects.requireNonNull(relay, "relay");
    this.clock = Objects.requireNonNull(clock, "clock");
    Properties props = new Properties();
    props.put("mail.smtp.host", relay.host());
    props.put("mail.smtp.port", Integer.toString(relay.port()));
    props.put("mail.smtp.connectiontimeout", Long.toString(connectTimeout.toMillis()));
    props.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
    props.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
    props.put("mail.smtp.auth", Boolean.toString(relay.username().isPresent()));
    if (relay.starttls()) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    }
    this.session = Session.getInstance(props);
  }

  public Delivery send(Outgoing.MailMessage mail) {
    String password = relay.password().map(Secret::reveal).orElse(null);
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(mail.from(), true));
      for (String to : mail.to()) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      }
      message.setSubject(mail.subject(), "UTF-8");
      message.setText(mail.text(), "UTF-8");
      message.setSentDate(Date.from(clock.instant()));
      // RFC 3834: no vacation auto-replies to an alert.
      message.setHeader("Auto-Submitted", "auto-generated");
      try (jakarta.mail.Transport transport = session.getTransport("smtp")) {
        transport.connect(relay.host(), relay.port(), relay.username().orElse(null), password);
        transport.sendMessage(message, message.getAllRecipients());
      }
      return new Delivery.Sent(message.getMessageID() == null ? "" : message.getMessageID());
    } catch (AuthenticationFailedException e) {
      return new Delivery.Failed("SMTP login refused by " + relay.host());
    } catch (SMTPSendFailedException | SMTPAddressFailedException | SMTPSenderFailedException e) {
      return reply(codeOf(e), e.getMessage(), password);
    } catch (MessagingException e) {
      if (e.getCause() instanceof IOException io) {
        return new Delivery.Retry(
            null, "cannot reach " + relay.host() + ": " + io.getClass().getSimpleName());
      }
      return new Delivery.Failed(
          "SMTP to " + relay.host() + ": " + scrub(String.valueOf(e.getMessage()), password));
    }
  }

  private static int codeOf(MessagingException e) {
    if (e instanceof SMTPSendFailedException send) {
      return send.getReturnCode();
    }
    if (e instanceof SMTPAddressFailedException address) {
      return address.getReturnCode();
    }
    return ((SMTPSenderFailedException) e).getReturnCode();
  }

  private Delivery reply(int code, String message, String password) {
    String reason = "SMTP " + relay.host() + ": " + scrub(String.valueOf(message), password);
    return code >= 400 && code < 500
        ? new Delivery.Retry(null, reason)
        : new Delivery.Failed(reason);
  }

  private static String scrub(String text, String password) {
    String line = Answers.line(text);
    return password == null || password.isEmpty() ? line : line.replace(password, "***");
  }

  @Override
  public String toString() {
    return "SmtpTransport[" + relay.describe() + "]";
  }
}
