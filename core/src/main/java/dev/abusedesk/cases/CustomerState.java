package dev.abusedesk.cases;

import java.util.Locale;

/** Where a case stands with its customer, as the dashboard shows it. */
public enum CustomerState {
  /** No contact has been told about the case. */
  NOT_NOTIFIED,
  /** Told, not answered yet, still within the customer's deadline. */
  NOTIFIED,
  /** A contact answered. */
  ANSWERED,
  /** The customer's deadline passed unanswered. */
  LATE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * How much a case's state needs the team's eye, when its contacts stand differently: late above
   * waiting above answered.
   */
  int urgency() {
    return switch (this) {
      case LATE -> 3;
      case NOTIFIED -> 2;
      case ANSWERED -> 1;
      case NOT_NOTIFIED -> 0;
    };
  }
}
