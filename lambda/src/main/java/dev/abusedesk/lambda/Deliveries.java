package dev.abusedesk.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;

/**
 * Sends the alerts of what a function just recorded, within the time the invocation has left. A
 * failure here loses nothing: the alerts stay queued and the scheduled tick sends them.
 */
final class Deliveries {

  static final Duration MARGIN = Duration.ofSeconds(3);
  static final Duration MOST = Duration.ofSeconds(20);
  private static final System.Logger LOG = System.getLogger(Deliveries.class.getName());

  private Deliveries() {}

  static void soon(Desk desk, Context context) {
    try {
      desk.alert(budget(context, MOST));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "alerts left queued for the tick: " + e);
    }
  }

  /** The time left for work: what the invocation has left less a margin, at most {@code most}. */
  static Duration budget(Context context, Duration most) {
    if (context == null) {
      return most;
    }
    Duration left = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(MARGIN);
    if (left.isNegative()) {
      return Duration.ZERO;
    }
    return left.compareTo(most) < 0 ? left : most;
  }
}
