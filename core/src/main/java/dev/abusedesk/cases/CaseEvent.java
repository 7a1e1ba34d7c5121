package dev.abusedesk.cases;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of a case's audit history: who did what, when.
 *
 * @param actor a person's name, or {@code aws} / {@code abusedesk} for what the system recorded
 * @param fromStatus the status before, for status changes
 * @param toStatus the status after, for status changes
 * @param reportId the report, for events about one
 */
public record CaseEvent(
    long id,
    long caseId,
    Instant at,
    String actor,
    Type type,
    CaseStatus fromStatus,
    CaseStatus toStatus,
    Long reportId,
    String note) {

  /** What happened. */
  public enum Type {
    OPENED,
    REPORT,
    STATUS,
    NOTE,
    /** A customer's contact was sent a notice; the note is their address. */
    CUSTOMER_NOTIFIED,
    /** A customer's contact answered (the actor); the note is their verdict's wire name. */
    CUSTOMER_ANSWERED,
    /** A notice's link was replaced and the notice sent again; the note is the address. */
    CUSTOMER_LINK_REISSUED,
    /** A notice's link was stopped; the note is the address. */
    CUSTOMER_LINK_REVOKED,
    /** The team was told a customer's deadline passed unanswered; the note is the address. */
    CUSTOMER_LATE;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Type fromWire(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  public CaseEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(type, "type");
    note = note == null ? "" : note;
  }
}
