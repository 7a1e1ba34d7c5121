package dev.abusedesk.notify;

import dev.abusedesk.config.ReceiverKind;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * One receiver's way out: its notifier renders, and {@link #send} delivers what it rendered, over
 * HTTP (the shared {@link HttpTransport}), SMTP, or to the console.
 *
 * <pre>{@code
 * Transport transport = Transport.forKind(receiver.kind(), http, System.out, clock);
 * Delivery delivery = transport.send(transport.notifier().render(alert, rendering));
 * }</pre>
 */
public final class Transport {

  private final Notifier notifier;
  private final java.util.function.Supplier<HttpTransport> http;
  private final Optional<SmtpTransport> smtp;
  private final PrintStream console;

  private Transport(
      Notifier notifier,
      java.util.function.Supplier<HttpTransport> http,
      Optional<SmtpTransport> smtp,
      PrintStream console) {
    this.notifier = notifier;
    this.http = Objects.requireNonNull(http, "http");
    this.smtp = smtp;
    this.console = Objects.requireNonNull(console, "console");
  }

  public static Transport forKind(
      ReceiverKind kind, HttpTransport http, PrintStream console, Clock clock) {
    Objects.requireNonNull(http, "http");
    return forKind(kind, () -> http, console, clock);
  }

  /** With the HTTP client asked for only when an HTTP message is sent. */
  public static Transport forKind(
      ReceiverKind kind,
      java.util.function.Supplier<HttpTransport> http,
      PrintStream console,
      Clock clock) {
    Optional<SmtpTransport> smtp =
        kind instanceof ReceiverKind.Email email
            ? Optional.of(new SmtpTransport(email, clock))
            : Optional.empty();
    return new Transport(Notifiers.forKind(kind), http, smtp, console);
  }

  public Notifier notifier() {
    return notifier;
  }

  /** Delivers a message this transport's notifier rendered. */
  public Delivery send(Outgoing outgoing) {
    if (outgoing instanceof Outgoing.HttpCall call) {
      return http.get().send(call, notifier);
    }
    if (outgoing instanceof Outgoing.MailMessage mail) {
      return smtp.orElseThrow(() -> new IllegalStateException("mail for a receiver without SMTP"))
          .send(mail);
    }
    return print((Outgoing.ConsoleText) outgoing);
  }

  private Delivery print(Outgoing.ConsoleText text) {
    synchronized (console) {
      console.print(text.text());
      console.println();
      console.flush();
    }
    return console.checkError()
        ? new Delivery.Failed("cannot write to the console")
        : new Delivery.Sent("");
  }

  @Override
  public String toString() {
    return "Transport[" + notifier + "]";
  }
}
