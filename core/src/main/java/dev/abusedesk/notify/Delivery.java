package dev.abusedesk.notify;

import java.time.Duration;
import java.util.Objects;

/** How a send went: the outbox keeps, retries or gives up on the message accordingly. */
public sealed interface Delivery permits Delivery.Sent, Delivery.Retry, Delivery.Failed {

  /**
   * Delivered.
   *
   * @param ref what the tool answered that later messages need (Slack's message {@code ts} for
   *     threading), or empty
   */
  record Sent(String ref) implements Delivery {
    public Sent {
      ref = ref == null ? "" : ref;
    }
  }

  /**
   * Not delivered, worth trying again: network error, 5xx, 429.
   *
   * @param after the wait the tool asked for ({@code Retry-After}), or {@code null} for the
   *     outbox's own backoff
   */
  record Retry(Duration after, String reason) implements Delivery {
    public Retry {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The tool refused it for good (another 4xx): recorded with the tool's reason. */
  record Failed(String reason) implements Delivery {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
