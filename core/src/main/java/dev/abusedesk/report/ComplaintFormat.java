package dev.abusedesk.report;

import java.util.Locale;

/** How the third party's original complaint is embedded in the AWS mail. */
public enum ComplaintFormat {
  /** An RFC 5965 feedback report. */
  ARF,
  /** An X-ARF report (JSON v4, or the older YAML/mail form). */
  XARF,
  /** Plain text, inline or attached. */
  TEXT,
  NONE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ComplaintFormat fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
