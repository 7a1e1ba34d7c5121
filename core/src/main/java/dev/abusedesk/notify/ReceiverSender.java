package dev.abusedesk.notify;

import dev.abusedesk.config.Receiver;
import dev.abusedesk.config.ReceiverKind;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Sender} for the configured receivers: each receiver's notifier renders the alert and
 * its transport delivers it. After a status change, a Slack bot's first message about the case is
 * also updated to show where the case stands.
 */
public final class ReceiverSender implements Sender {

  private static final System.Logger LOG = System.getLogger(ReceiverSender.class.getName());

  private final java.util.function.Supplier<HttpTransport> http;
  private HttpTransport client;
  private final PrintStream console;
  private final Clock clock;
  private final Map<String, Transport> transports = new ConcurrentHashMap<>();

  public ReceiverSender(HttpTransport http, PrintStream console, Clock clock) {
    this(() -> http, console, clock);
    Objects.requireNonNull(http, "http");
  }

  /**
   * With the HTTP client made on first use: creating one loads the TLS stack and the trust store,
   * which a mail-pipe run that sends nothing (or only to the console) should not pay for.
   */
  public ReceiverSender(
      java.util.function.Supplier<HttpTransport> http, PrintStream console, Clock clock) {
    this.http = Objects.requireNonNull(http, "http");
    this.console = Objects.requireNonNull(console, "console");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  private synchronized HttpTransport http() {
    if (client == null) {
      client = http.get();
    }
    return client;
  }

  private Transport transport(Receiver receiver) {
    return transports.computeIfAbsent(
        receiver.name(), name -> Transport.forKind(receiver.kind(), this::http, console, clock));
  }

  @Override
  public boolean takesDigests(Receiver receiver) {
    return transport(receiver).notifier().digests().isPresent();
  }

  @Override
  public Delivery sendDigest(Receiver receiver, Digest digest, Rendering rendering) {
    Transport transport = transport(receiver);
    Notifier.Digests digests =
        transport
            .notifier()
            .digests()
            .orElseThrow(() -> new IllegalStateException(receiver.name() + " takes no digests"));
    return transport.send(digests.render(DigestText.of(digest, rendering), rendering));
  }

  @Override
  public Delivery sendCustomerMail(Receiver relay, CustomerMail mail, Rendering rendering) {
    if (!(relay.kind() instanceof ReceiverKind.Email smtp)) {
      return new Delivery.Failed(relay.name() + " is not an SMTP relay");
    }
    Transport transport = transport(relay);
    return transport.send(
        CustomerMailText.render(mail, smtp.from(), rendering.zone(), rendering.now()));
  }

  @Override
  public Delivery send(Receiver receiver, Alert alert, Rendering rendering) {
    Transport transport = transport(receiver);
    Delivery delivery = transport.send(transport.notifier().render(alert, rendering));
    if (delivery instanceof Delivery.Sent && alert.type() == Alert.Type.STATUS) {
      transport
          .notifier()
          .renderFirstMessageUpdate(alert, rendering)
          .ifPresent(
              update -> {
                Delivery updated = transport.send(update);
                if (!(updated instanceof Delivery.Sent)) {
                  // The thread message went out; the header update is cosmetic.
                  LOG.log(
                      System.Logger.Level.WARNING,
                      "updating the first message on {0}: {1}",
                      receiver.name(),
                      updated);
                }
              });
    }
    return delivery;
  }
}
