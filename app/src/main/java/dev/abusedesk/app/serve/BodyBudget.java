package dev.abusedesk.app.serve;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies held in memory at once, across all requests. Each body is capped by
 * its route; this caps their sum, so that many small bodies at once cannot exhaust the heap either.
 * Bytes are taken as they arrive, so a client trickling its body holds next to nothing.
 */
final class BodyBudget {

  private final long limit;
  private final AtomicLong used = new AtomicLong();

  BodyBudget(long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    this.limit = limit;
  }

  /** Takes {@code bytes} from the budget; false, taking nothing, when they are not left. */
  boolean take(long bytes) {
    while (true) {
      long now = used.get();
      if (now + bytes > limit) {
        return false;
      }
      if (used.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  void give(long bytes) {
    used.addAndGet(-bytes);
  }

  long used() {
    return used.get();
  }
}
