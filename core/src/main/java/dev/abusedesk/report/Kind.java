package dev.abusedesk.report;

import java.util.Locale;

/** What a report is within the life of an AWS abuse case. */
public enum Kind {
  /** The first report of an incident. */
  NOTICE,
  /** An additional report or resource on an existing case. */
  FOLLOW_UP,
  /** AWS chasing a reply it has not received. */
  REMINDER,
  /** FINAL NOTIFICATION: AWS has already mitigated; reply now. */
  FINAL,
  /** AWS closed the case. */
  CLOSED,
  /** Anything that is not an abuse report. */
  NOT_ABUSE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Kind fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** Whether a report of this kind starts or keeps a reply deadline running. */
  public boolean asksForReply() {
    return this == NOTICE || this == FOLLOW_UP || this == REMINDER || this == FINAL;
  }
}
