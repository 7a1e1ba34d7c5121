package dev.abusedesk.report;

import java.util.Locale;

/** The kind of abuse AWS reports. */
public enum Category {
  SPAM,
  DOS,
  PORT_SCAN,
  INTRUSION,
  OPEN_PROXY,
  PHISHING,
  MALWARE,
  BOTNET,
  COPYRIGHT,
  PII,
  ILLEGAL_CONTENT,
  CC_FRAUD,
  CREDENTIALS_EXPOSED,
  OTHER;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Category fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
