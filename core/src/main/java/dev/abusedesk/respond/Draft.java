package dev.abusedesk.respond;

import java.util.Locale;
import java.util.Objects;

/**
 * A reply to AWS, in English as AWS expects, filled with the case's IDs. Lines in square brackets
 * are for the operator to fill in before sending.
 */
public record Draft(Draft.Type type, String subject, String body) {

  /** The replies a case needs, in the order it needs them. */
  public enum Type {
    /** The first reply within 24 hours: we have it and we are on it. */
    FIRST_REPLY,
    /** What happened, what was done, what changed: after which AWS usually closes the case. */
    CORRECTIVE_ACTION,
    /** The investigation takes longer: what is done so far and when the report follows. */
    MORE_TIME;

    public String wire() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Type fromWire(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  public Draft {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
  }
}
