package dev.abusedesk.app.serve;

import java.time.Duration;

/** Wakes a waiting loop at once: work starts the moment something is queued, not on a tick. */
final class Signal {

  private boolean raised;

  synchronized void raise() {
    raised = true;
    notifyAll();
  }

  /** Waits until raised or {@code timeout} passes; clears the signal. */
  synchronized void await(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!raised) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    raised = false;
  }
}
