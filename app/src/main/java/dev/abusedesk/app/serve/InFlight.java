package dev.abusedesk.app.serve;

import java.time.Duration;

/**
 * Counts messages being received, so that stopping can wait for them briefly; once closed, no new
 * one is let in.
 */
final class InFlight {

  private int running;
  private boolean closed;

  /** False once closing started: the caller refuses the work. */
  synchronized boolean enter() {
    if (closed) {
      return false;
    }
    running++;
    return true;
  }

  synchronized void leave() {
    running--;
    notifyAll();
  }

  /** Lets nothing new in and waits up to {@code grace} for what runs; true when all finished. */
  synchronized boolean close(Duration grace) {
    closed = true;
    long deadline = System.nanoTime() + grace.toNanos();
    try {
      while (running > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait(Math.max(1, left / 1_000_000));
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return running == 0;
    }
  }
}
