package dev.abusedesk.config;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * A named place alerts go to. What is common to every kind lives here; what differs lives in {@link
 * ReceiverKind}.
 *
 * @param mentions text added to every alert ({@code <!subteam^S123>}, {@code @oncall}); mentions
 *     come only from the configuration, never from a report
 * @param ratePerSecond at most this many messages a second, when set
 */
public record Receiver(
    String name, ReceiverKind kind, List<String> mentions, OptionalDouble ratePerSecond) {

  /** Names are referred to from routes and stored with deliveries: keep them plain. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  /** The receiver implied when the file names none. */
  public static final String CONSOLE = "console";

  /**
   * The outbox's name for the mail to customers' contacts, sent through the {@code reply} relay: no
   * configured receiver may take it.
   */
  public static final String CUSTOMER_MAIL = "customer-mail";

  public Receiver {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    mentions = List.copyOf(mentions);
    Objects.requireNonNull(ratePerSecond, "ratePerSecond");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a receiver name: " + name);
    }
    if (ratePerSecond.isPresent() && !(ratePerSecond.getAsDouble() > 0)) {
      throw new IllegalArgumentException("rate_per_second must be positive");
    }
  }

  public Receiver(String name, ReceiverKind kind) {
    this(name, kind, List.of(), OptionalDouble.empty());
  }

  /** The console receiver implied when no receiver is configured. */
  public static Receiver console() {
    return new Receiver(CONSOLE, new ReceiverKind.Console());
  }
}
