package dev.abusedesk.app.serve;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of threads for HTTP handlers and a bounded number of requests waiting for them:
 * past that, {@link #submit} says no and the request is answered 503 at once, instead of queuing
 * without end.
 */
final class Workers {

  private final ExecutorService threads;
  private final Semaphore places;

  Workers(String name, int threads, int waiting) {
    AtomicInteger count = new AtomicInteger();
    this.threads =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "abusedesk-" + name + "-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.places = new Semaphore(threads + waiting);
  }

  /** Runs {@code task} on one of the threads; false, running nothing, when all places are taken. */
  boolean submit(Runnable task) {
    if (!places.tryAcquire()) {
      return false;
    }
    try {
      threads.execute(
          () -> {
            try {
              task.run();
            } finally {
              places.release();
            }
          });
      return true;
    } catch (RuntimeException e) {
      places.release(); // shut down
      return false;
    }
  }

  void shutdown() {
    threads.shutdown();
  }

  /** Waits up to {@code grace} for the handlers still running; true when all finished. */
  boolean awaitTermination(Duration grace) {
    try {
      return threads.awaitTermination(Math.max(1, grace.toMillis()), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
