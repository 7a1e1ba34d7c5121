package dev.abusedesk.health;

import java.time.Instant;
import java.util.Objects;

/** What one poll of the Health API did. */
public sealed interface Poll
    permits Poll.Polled, Poll.NotDue, Poll.NotSubscribed, Poll.Unavailable {

  /**
   * Read the events updated up to {@code through}.
   *
   * @param events events (one per affected account) the API listed
   * @param recorded of those, how many were new to the store (not re-deliveries)
   * @param throttled how many throttled answers were waited out
   */
  record Polled(int events, int recorded, int throttled, Instant through) implements Poll {
    public Polled {
      Objects.requireNonNull(through, "through");
    }
  }

  /** Not this time: polled within the interval, or another instance holds the job's lease. */
  record NotDue() implements Poll {}

  /** The account's support plan does not include the Health API; polling goes on regardless. */
  record NotSubscribed(String message) implements Poll {
    public NotSubscribed {
      Objects.requireNonNull(message, "message");
    }
  }

  /** The API could not be used this time (every endpoint failed, throttled too long). */
  record Unavailable(String reason) implements Poll {
    public Unavailable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
