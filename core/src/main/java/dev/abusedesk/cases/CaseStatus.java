package dev.abusedesk.cases;

import java.util.Locale;

/**
 * Where a case stands. The team moves it forward: open → acknowledged → replied → mitigated →
 * resolved; AWS closing the case or its Health event makes it {@link #CLOSED_BY_AWS}.
 */
public enum CaseStatus {
  /** Nobody has taken it yet; the reply deadline runs. */
  OPEN,
  /** Someone owns it; the reply deadline still runs. */
  ACKNOWLEDGED,
  /** The first reply has gone to AWS: the deadline is met. */
  REPLIED,
  /** First aid is done: the reported activity has stopped. */
  MITIGATED,
  /** The root cause is fixed. */
  RESOLVED,
  /** AWS closed the case or the Health event. */
  CLOSED_BY_AWS;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CaseStatus fromWire(String value) {
    return valueOf(value.strip().toUpperCase(Locale.ROOT));
  }

  /** Whether the reply deadline runs in this status. */
  public boolean awaitsReply() {
    return this == OPEN || this == ACKNOWLEDGED;
  }

  /** Whether nothing more is expected of the team. */
  public boolean isFinished() {
    return this == RESOLVED || this == CLOSED_BY_AWS;
  }

  /**
   * Whether a person may move a case from this status to {@code target}: forward along the
   * workflow, or acknowledging again to take ownership. Nobody but AWS closes a case for AWS.
   */
  public boolean allowsManualMoveTo(CaseStatus target) {
    if (target == CLOSED_BY_AWS) {
      return false;
    }
    if (target == ACKNOWLEDGED && this == ACKNOWLEDGED) {
      return true;
    }
    if (this == CLOSED_BY_AWS) {
      return target == MITIGATED || target == RESOLVED;
    }
    return target.ordinal() > ordinal();
  }
}
