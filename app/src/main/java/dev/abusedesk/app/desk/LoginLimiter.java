package dev.abusedesk.app.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: at most {@link #MAX_FAILURES} failed logins per client address in {@link
 * #WINDOW}, and as many for all addresses together times ten.
 */
final class LoginLimiter {

  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(5);
  private static final String EVERYONE = "*";

  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  LoginLimiter(Clock clock) {
    this.clock = clock;
  }

  /** Whether a login attempt from {@code client} may be checked now. */
  boolean allows(String client) {
    Instant now = clock.instant();
    return recent(client, now) < MAX_FAILURES && recent(EVERYONE, now) < MAX_FAILURES * 10;
  }

  void failed(String client) {
    Instant now = clock.instant();
    for (String key : new String[] {client, EVERYONE}) {
      Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
      synchronized (times) {
        times.addLast(now);
        while (times.size() > MAX_FAILURES * 10) {
          times.removeFirst();
        }
      }
    }
    if (failures.size() > 10_000) {
      failures.clear(); // A flood of addresses: start over rather than grow without bound.
    }
  }

  void succeeded(String client) {
    failures.remove(client);
  }

  private int recent(String key, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return 0;
    }
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
        times.removeFirst();
      }
      return times.size();
    }
  }
}
