package dev.abusedesk.config;

import java.util.Locale;

/** The language of alerts, reminders and the dashboard. */
public enum Language {
  EN,
  JA;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
