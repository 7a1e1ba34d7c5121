package dev.abusedesk.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows password guessing per source address and per user name, never for everyone. Each may fail
 * {@link #FREE_FAILURES} times; after that it waits before its next attempt, {@link #FIRST_DELAY}
 * doubling to {@link #MAX_DELAY}; its failures are forgotten {@link #FORGET} after the last one. An
 * attempt counts as failed from its start, so parallel guesses do not slip past, and a success
 * clears its source and user. A source that logged in as a user before is not held back by that
 * user's failures elsewhere: a user under attack from many addresses still logs in from their own.
 */
final class LoginLimiter {

  static final int FREE_FAILURES = 3;
  static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_DELAY = Duration.ofMinutes(15);
  static final Duration FORGET = Duration.ofHours(1);
  static final Duration KNOWN_SOURCE = Duration.ofDays(30);

  /** Bounds what a flood of addresses and names can take. */
  static final int MAX_KEYS = 10_000;

  /** A key's failures: how many, the last, and until when it waits. */
  private record Strikes(int failures, Instant last, Instant until) {}

  private final Clock clock;
  private final Map<String, Strikes> strikes = new HashMap<>();
  private final Map<String, Instant> knownSources = new HashMap<>();

  LoginLimiter(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Before a password is checked: empty when the attempt may go ahead (it is counted as a failure
   * until {@link #succeeded}), else how long its source or user still waits.
   */
  synchronized Optional<Duration> attempt(String source, String user) {
    Instant now = clock.instant();
    String sourceKey = "source\0" + source;
    String userKey = "user\0" + user;
    boolean known = knownSources.getOrDefault(pair(source, user), Instant.MIN).isAfter(now);
    Instant until = later(until(sourceKey, now), known ? now : until(userKey, now));
    if (until.isAfter(now)) {
      return Optional.of(Duration.between(now, until));
    }
    fail(sourceKey, now);
    if (!known) {
      fail(userKey, now);
    }
    return Optional.empty();
  }

  synchronized void succeeded(String source, String user) {
    strikes.remove("source\0" + source);
    strikes.remove("user\0" + user);
    Instant now = clock.instant();
    if (knownSources.size() >= MAX_KEYS) {
      knownSources.values().removeIf(expires -> !expires.isAfter(now));
    }
    if (knownSources.size() < MAX_KEYS) {
      knownSources.put(pair(source, user), now.plus(KNOWN_SOURCE));
    }
  }

  /** The wait after {@code failures} failures. */
  static Duration delay(int failures) {
    if (failures <= FREE_FAILURES) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - FREE_FAILURES - 1, 30);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  private Instant until(String key, Instant now) {
    Strikes s = strikes.get(key);
    return s == null || forgotten(s, now) ? now : s.until();
  }

  private void fail(String key, Instant now) {
    Strikes before = strikes.get(key);
    int failures = before == null || forgotten(before, now) ? 1 : before.failures() + 1;
    if (before == null && strikes.size() >= MAX_KEYS) {
      makeRoom(now);
    }
    strikes.put(key, new Strikes(failures, now, now.plus(delay(failures))));
  }

  private static boolean forgotten(Strikes s, Instant now) {
    return !s.last().plus(FORGET).isAfter(now);
  }

  /**
   * Forgets the forgotten, then a tenth of the rest with the fewest failures: a flood of new names
   * and addresses cannot push out the count of a user under attack.
   */
  private void makeRoom(Instant now) {
    strikes.values().removeIf(s -> forgotten(s, now));
    if (strikes.size() >= MAX_KEYS) {
      strikes.entrySet().stream()
          .sorted(
              Comparator.comparingInt((Map.Entry<String, Strikes> e) -> e.getValue().failures())
                  .thenComparing(e -> e.getValue().last()))
          .limit(MAX_KEYS / 10)
          .map(Map.Entry::getKey)
          .toList()
          .forEach(strikes::remove);
    }
  }

  /** How many sources and names are counted now. */
  synchronized int counted() {
    return strikes.size();
  }

  private static String pair(String source, String user) {
    return user + "\0" + source;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
