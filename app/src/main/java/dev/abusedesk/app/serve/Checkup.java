package dev.abusedesk.app.serve;

import dev.abusedesk.cases.Outbox;
import dev.abusedesk.pipeline.Pipeline;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.spool.SpoolEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks at the daemon as an operator would: can it reach its store, are alerts leaving for every
 * receiver, is mail being recorded, is every listener and loop alive. Each problem becomes one
 * reason, in words an operator can act on.
 */
final class Checkup {

  /** A receiver whose oldest waiting message is older than this is stuck. */
  static final Duration RECEIVER_LATE = Duration.ofMinutes(3);

  /** Messages refused for good within this window degrade the health. */
  static final Duration FAILURE_WINDOW = Duration.ofHours(1);

  /** Mail spooled longer than this and not recorded is stuck. */
  static final Duration SPOOL_LATE = Duration.ofMinutes(5);

  private final Pipeline pipeline;
  private final FileSpool spool;
  private final List<Supervised> parts;

  Checkup(Pipeline pipeline, FileSpool spool, List<Supervised> parts) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.spool = Objects.requireNonNull(spool, "spool");
    this.parts = List.copyOf(parts);
  }

  Health run(Instant now) {
    List<String> reasons = new ArrayList<>();
    boolean reachable = reachable();
    Optional<Outbox.Depth> depth = Optional.empty();
    List<Outbox.Backlog> backlog = List.of();
    if (reachable) {
      try {
        depth = Optional.of(pipeline.outbox().depth());
        backlog = pipeline.outbox().backlog(now.minus(FAILURE_WINDOW));
      } catch (RuntimeException e) {
        reachable = false;
      }
    }
    if (!reachable) {
      reasons.add("store: the database does not answer; reports are kept in the spool meanwhile");
    }
    for (Outbox.Backlog b : backlog) {
      receiverReasons(b, now, reasons);
    }
    int spoolWaiting = spoolReasons(now, reasons);
    List<Health.Part> states = new ArrayList<>();
    for (Supervised part : parts) {
      Supervised.Condition condition = part.condition(now);
      if (condition instanceof Supervised.Condition.Troubled troubled) {
        states.add(new Health.Part(part.name(), "troubled", troubled.reason()));
        reasons.add(part.name() + ": " + troubled.reason());
      } else if (condition instanceof Supervised.Condition.Dead dead) {
        states.add(new Health.Part(part.name(), "dead", dead.reason()));
        reasons.add(part.name() + ": " + dead.reason());
      } else {
        states.add(new Health.Part(part.name(), "up", ""));
      }
    }
    return new Health(now, reachable, depth, backlog, states, spoolWaiting, reasons);
  }

  /** Whether any part is dead: the daemon then exits for the service manager to restart it. */
  static Optional<Health.Part> dead(Health health) {
    return health.parts().stream().filter(p -> p.state().equals("dead")).findFirst();
  }

  private boolean reachable() {
    try {
      return pipeline.store().reachable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void receiverReasons(Outbox.Backlog b, Instant now, List<String> reasons) {
    String error = b.lastError().isEmpty() ? "" : " (last error: " + b.lastError() + ")";
    if (b.pending() > 0 && b.oldestPending().isPresent()) {
      Duration waiting = Duration.between(b.oldestPending().get(), now);
      if (waiting.compareTo(RECEIVER_LATE) > 0) {
        reasons.add(
            "receiver "
                + b.receiver()
                + ": "
                + b.pending()
                + (b.pending() == 1 ? " message" : " messages")
                + " waiting, the oldest for "
                + minutes(waiting)
                + error);
        return;
      }
    }
    if (b.failedRecently() > 0) {
      reasons.add(
          "receiver "
              + b.receiver()
              + ": "
              + b.failedRecently()
              + (b.failedRecently() == 1 ? " message" : " messages")
              + " refused for good in the last hour"
              + error
              + "; see abusedesk outbox list");
    }
  }

  private int spoolReasons(Instant now, List<String> reasons) {
    List<SpoolEntry> waiting;
    try {
      waiting = spool.pending();
    } catch (RuntimeException e) {
      reasons.add("spool: cannot be read: " + e.getMessage());
      return 0;
    }
    if (!waiting.isEmpty()) {
      Instant oldest = waiting.stream().map(SpoolEntry::spooledAt).min(Instant::compareTo).get();
      Duration age = Duration.between(oldest, now);
      if (age.compareTo(SPOOL_LATE) > 0) {
        reasons.add(
            "spool: "
                + waiting.size()
                + " received "
                + (waiting.size() == 1 ? "message" : "messages")
                + " not recorded yet, the oldest for "
                + minutes(age));
      }
    }
    return waiting.size();
  }

  private static String minutes(Duration d) {
    long minutes = d.toMinutes();
    return minutes < 1 ? d.toSeconds() + " s" : minutes + " min";
  }
}
