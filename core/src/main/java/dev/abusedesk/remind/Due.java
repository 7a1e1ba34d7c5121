package dev.abusedesk.remind;

import java.util.Objects;

/**
 * A reminder or escalation that is due now.
 *
 * @param key identifies this reminder for this deadline: queued once, however often the scheduler
 *     asks
 */
public record Due(What what, String key) {

  /** A reminder to the case's receivers, or an escalation that also reaches louder ones. */
  public enum What {
    REMINDER,
    ESCALATION
  }

  public Due {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(key, "key");
  }
}
