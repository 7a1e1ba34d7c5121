package dev.abusedesk.config;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * When to remind about an open case. Offsets count back from the reply deadline and are kept
 * sorted, earliest reminder (largest offset) first, without duplicates.
 *
 * @param offsets before the deadline, while nobody has acknowledged the case
 * @param acknowledgedOffsets before the deadline, after someone acknowledged it
 * @param escalateAt before the deadline: escalate if nobody has acknowledged by then
 * @param escalationReceivers receivers that also get the escalation; may be empty
 * @param overdueInterval how often to repeat once the deadline has passed
 */
public record Reminders(
    List<Duration> offsets,
    List<Duration> acknowledgedOffsets,
    Duration escalateAt,
    List<String> escalationReceivers,
    Duration overdueInterval) {

  public Reminders {
    offsets = sortedPositive(offsets, "offsets");
    acknowledgedOffsets = sortedPositive(acknowledgedOffsets, "acknowledged_offsets");
    requirePositive(escalateAt, "escalate_at");
    escalationReceivers = List.copyOf(escalationReceivers);
    requirePositive(overdueInterval, "overdue_interval");
  }

  public static Reminders defaults() {
    return new Reminders(
        List.of(
            Duration.ofHours(12), Duration.ofHours(6), Duration.ofHours(2), Duration.ofHours(1)),
        List.of(Duration.ofHours(2)),
        Duration.ofHours(4),
        List.of(),
        Duration.ofHours(1));
  }

  private static List<Duration> sortedPositive(List<Duration> durations, String what) {
    durations.forEach(d -> requirePositive(d, what));
    return durations.stream().distinct().sorted(Comparator.reverseOrder()).toList();
  }

  private static void requirePositive(Duration duration, String what) {
    Objects.requireNonNull(duration, what);
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(what + " must be positive: " + duration);
    }
  }
}
