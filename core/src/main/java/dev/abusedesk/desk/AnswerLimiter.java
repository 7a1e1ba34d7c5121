package dev.abusedesk.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Bounds the posts to customers' response pages: per source address the posts whose link opens
 * nothing (guessing), per notice the posts with its valid link, each at most so many per window. In
 * memory, like {@link LoginLimiter}: each instance counts its own.
 */
final class AnswerLimiter {

  static final int PER_SOURCE = 30;
  static final int PER_NOTICE = 10;
  static final Duration WINDOW = Duration.ofHours(1);

  /** Bounds what a flood of addresses can take. */
  static final int MAX_KEYS = 10_000;

  private record Window(Instant start, int count) {}

  private final Clock clock;
  private final Map<String, Window> windows = new HashMap<>();

  AnswerLimiter(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Counts a post from {@code source}; empty when it may go on, else how long it waits. */
  synchronized Optional<Duration> source(String source) {
    return take("source\0" + source, PER_SOURCE);
  }

  /** Counts a post with a valid link to the notice; empty when it may go on. */
  synchronized Optional<Duration> notice(long noticeId) {
    return take("notice\0" + noticeId, PER_NOTICE);
  }

  private Optional<Duration> take(String key, int limit) {
    Instant now = clock.instant();
    Window w = windows.get(key);
    if (w == null || !w.start().plus(WINDOW).isAfter(now)) {
      if (w == null && windows.size() >= MAX_KEYS) {
        windows.values().removeIf(old -> !old.start().plus(WINDOW).isAfter(now));
        if (windows.size() >= MAX_KEYS) {
          // Still full of live windows: a flood from many addresses. The oldest window goes, so
          // that no newcomer (a customer among them) is refused for others' sake.
          windows.entrySet().stream()
              .min(java.util.Comparator.comparing(e -> e.getValue().start()))
              .map(Map.Entry::getKey)
              .ifPresent(windows::remove);
        }
      }
      windows.put(key, new Window(now, 1));
      return Optional.empty();
    }
    if (w.count() >= limit) {
      return Optional.of(Duration.between(now, w.start().plus(WINDOW)));
    }
    windows.put(key, new Window(w.start(), w.count() + 1));
    return Optional.empty();
  }

  /** Whole seconds to wait, at least one: a {@code Retry-After} value. */
  static String retryAfter(Duration wait) {
    return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
  }
}
