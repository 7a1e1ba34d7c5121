package dev.abusedesk.notify;

import dev.abusedesk.config.Receiver;
import dev.abusedesk.config.ReceiverKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Spaces messages per receiver so that a burst of cases never turns into a storm of 429s: one
 * message per interval, and a pause when the tool asks for one (Retry-After). Pacing is about real
 * elapsed time, so it reads a monotonic nanosecond source rather than the domain clock.
 */
final class RateLimits {

  private final LongSupplier nanos;
  private final Map<String, Long> nextFree = new HashMap<>();

  RateLimits(LongSupplier nanos) {
    this.nanos = nanos;
  }

  RateLimits() {
    this(System::nanoTime);
  }

  /** The documented or safe pace of each tool; {@code rate_per_second} overrides it. */
  static double ratePerSecond(Receiver receiver) {
    if (receiver.ratePerSecond().isPresent()) {
      return receiver.ratePerSecond().getAsDouble();
    }
    ReceiverKind kind = receiver.kind();
    if (kind instanceof ReceiverKind.Console) {
      return 1000;
    }
    if (kind instanceof ReceiverKind.Discord) {
      return 0.5; // 30 messages a minute per channel
    }
    if (kind instanceof ReceiverKind.Chatwork) {
      return 0.9; // 10 per 10 s per room, 300 per 5 min per token
    }
    if (kind instanceof ReceiverKind.Webhook || kind instanceof ReceiverKind.PagerDuty) {
      return 5;
    }
    return 1; // Slack, Google Chat, Teams, mail: about one a second
  }

  /** How long to wait before the next message to {@code receiver} may go; reserves that slot. */
  synchronized Duration reserve(Receiver receiver) {
    long now = nanos.getAsLong();
    long free = nextFree.getOrDefault(receiver.name(), now);
    long start = free - now > 0 ? free : now;
    long gap = (long) (1_000_000_000L / ratePerSecond(receiver));
    nextFree.put(receiver.name(), start + gap);
    return Duration.ofNanos(start - now);
  }
}
