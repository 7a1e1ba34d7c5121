package dev.abusedesk.report;

/** Where a report came from: an email, or an AWS Health event. */
public enum Channel {
  EMAIL,
  HEALTH;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Channel fromWire(String value) {
    return valueOf(value.toUpperCase(java.util.Locale.ROOT));
  }
}
