package dev.abusedesk.notify;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with jitter for failed sends: 5 s, 10 s, 20 s ... up to 15 min. */
final class Backoff {

  static final Duration FIRST = Duration.ofSeconds(5);
  static final Duration MAX = Duration.ofMinutes(15);

  private Backoff() {}

  /** The wait after {@code attempts} failed attempts, with ±20% jitter. */
  static Duration after(int attempts, RandomGenerator random) {
    int doublings = Math.min(Math.max(attempts - 1, 0), 20);
    long millis = Math.min(FIRST.toMillis() << doublings, MAX.toMillis());
    double jitter = 0.8 + random.nextDouble() * 0.4;
    return Duration.ofMillis((long) (millis * jitter));
  }
}
