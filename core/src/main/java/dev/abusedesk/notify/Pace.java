package dev.abusedesk.notify;

import dev.abusedesk.config.Receiver;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What each receiver may be sent, and when: its tool's pace, a pause it asked for, a burst it is
 * in, digests it refused. Spaces messages per receiver at its tool's pace. Only a message that is
 * really sent takes a slot ({@link #take}): asking how long to wait books nothing, so however long
 * the queue, the next slot is never further away than one interval (or the pause). Pacing is about
 * real elapsed time, so it reads a monotonic nanosecond source rather than the domain clock.
 */
final class Pace {

  private final LongSupplier nanos;
  private final Map<String, Long> nextFree = new HashMap<>();

  Pace(LongSupplier nanos) {
    this.nanos = nanos;
  }

  Pace() {
    this(System::nanoTime);
  }

  /** The pace of the receiver's tool, unless {@code rate_per_second} overrides it. */
  static double ratePerSecond(Receiver receiver) {
    return receiver.ratePerSecond().orElse(receiver.kind().defaultRatePerSecond());
  }

  /**
   * A little more than the pace asks: a message sent exactly one interval after the last one can
   * still arrive inside the tool's window, through scheduling and network jitter, and cost a 429.
   */
  static final Duration MARGIN = Duration.ofMillis(25);

  /** The time between two messages to {@code receiver}. */
  static Duration interval(Receiver receiver) {
    return Duration.ofNanos((long) (1_000_000_000L / ratePerSecond(receiver))).plus(MARGIN);
  }

  /** How many messages {@code receiver} takes in {@code window} at its pace; at least one. */
  static int within(Receiver receiver, Duration window) {
    return (int) Math.max(1, Math.floor(ratePerSecond(receiver) * window.toMillis() / 1000.0));
  }

  /** How long until the next message to {@code receiver} may go; books nothing. */
  synchronized Duration waitFor(Receiver receiver) {
    long now = nanos.getAsLong();
    Long free = nextFree.get(receiver.name());
    return free == null || free - now <= 0 ? Duration.ZERO : Duration.ofNanos(free - now);
  }

  // Times in the domain clock, like the due times they go with.
  private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();
  private final Map<String, Instant> burstUntil = new ConcurrentHashMap<>();
  private final Map<String, Instant> digestsRefusedUntil = new ConcurrentHashMap<>();

  /** The tool asked for a pause (Retry-After): nothing goes to {@code receiver} before. */
  void pause(Receiver receiver, Instant until) {
    pausedUntil.merge(receiver.name(), until, (a, b) -> a.isAfter(b) ? a : b);
  }

  Instant pausedUntil(Receiver receiver) {
    return pausedUntil.get(receiver.name());
  }

  /** A digest went to {@code receiver}: it stays in a burst until then. */
  void burstLasts(Receiver receiver, Instant until) {
    burstUntil.put(receiver.name(), until);
  }

  Instant burstUntil(Receiver receiver) {
    return burstUntil.get(receiver.name());
  }

  /** {@code receiver} refused a digest for good: single messages until then. */
  void refuseDigests(Receiver receiver, Instant until) {
    digestsRefusedUntil.put(receiver.name(), until);
  }

  Instant digestsRefusedUntil(Receiver receiver) {
    return digestsRefusedUntil.get(receiver.name());
  }

  /** A message to {@code receiver} is going out now: the next one waits one interval. */
  synchronized void take(Receiver receiver) {
    long now = nanos.getAsLong();
    long next = now + interval(receiver).toNanos();
    nextFree.merge(receiver.name(), next, Math::max);
  }
}
