package dev.abusedesk.app.serve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One of the daemon's loops (record, deliver, remind, a poller): runs a round, then waits for its
 * signal or its interval, until the daemon stops. A round that fails is logged and tried again; a
 * JVM failure ends the process ({@link Fatal}). It reports itself troubled when rounds keep failing
 * or one round hangs, and dead if its thread ever ends while the daemon runs.
 */
final class Loop implements Supervised {

  /** A round running longer than this is hung (a call without a timeout, a lock never freed). */
  static final Duration HUNG_AFTER = Duration.ofMinutes(10);

  /** This many failed rounds in a row make the loop troubled. */
  static final int TROUBLED_AFTER = 3;

  private static final System.Logger LOG = System.getLogger(Loop.class.getName());

  /** One round; true when there is more to do at once. */
  @FunctionalInterface
  interface Round {
    boolean run();
  }

  private final String name;
  private final Round round;
  private final Signal signal;
  private final Duration every;
  private final BooleanSupplier running;
  private final Clock clock;
  private final Thread thread;
  private volatile Instant busySince;
  private volatile int failuresInARow;
  private volatile String lastError = "";

  Loop(
      String name,
      Round round,
      Signal signal,
      Duration every,
      BooleanSupplier running,
      Clock clock) {
    this.name = Objects.requireNonNull(name, "name");
    this.round = Objects.requireNonNull(round, "round");
    this.signal = Objects.requireNonNull(signal, "signal");
    this.every = Objects.requireNonNull(every, "every");
    this.running = Objects.requireNonNull(running, "running");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.thread = new Thread(this::loop, "abusedesk-" + name);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  void join(Duration wait) throws InterruptedException {
    thread.join(Math.max(1, wait.toMillis()));
  }

  private void loop() {
    while (running.getAsBoolean()) {
      boolean more = false;
      busySince = clock.instant();
      try {
        more = round.run();
        failuresInARow = 0;
      } catch (Throwable e) { // a loop survives anything but a JVM failure
        Fatal.check(e);
        failuresInARow++;
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        // The store may be down for a while: log, wait, try again. The whole story once; after
        // that one line per failed round, not a stack trace every few seconds.
        if (failuresInARow == 1) {
          LOG.log(System.Logger.Level.ERROR, name + " failed; retrying", e);
        } else {
          LOG.log(
              System.Logger.Level.WARNING,
              "{0} failed again ({1} in a row): {2}",
              name,
              failuresInARow,
              lastError);
        }
      } finally {
        busySince = null;
      }
      if (!more) {
        try {
          signal.await(every);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public String name() {
    return "loop " + name;
  }

  @Override
  public Condition condition(Instant now) {
    if (!thread.isAlive() && running.getAsBoolean()) {
      return new Condition.Dead("its thread ended");
    }
    Instant busy = busySince;
    if (busy != null && Duration.between(busy, now).compareTo(HUNG_AFTER) > 0) {
      return new Condition.Troubled(
          "one round has been running for " + Duration.between(busy, now).toMinutes() + " min");
    }
    int failures = failuresInARow;
    if (failures >= TROUBLED_AFTER) {
      return new Condition.Troubled(failures + " rounds failed in a row: " + lastError);
    }
    return Condition.WORKING;
  }
}
