package dev.abusedesk.report;

import java.util.Locale;

/** Whether the receiving mail server saw a DKIM pass for an AWS domain. */
public enum SenderVerified {
  PASS,
  FAIL,
  UNKNOWN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SenderVerified fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
