package dev.abusedesk.config;

import java.util.Locale;
import java.util.Objects;

/** How the daemon logs. */
public record Logging(Logging.Format format, Logging.Level level) {

  public Logging {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(level, "level");
  }

  public static Logging defaults() {
    return new Logging(Format.TEXT, Level.INFO);
  }

  /** One line of text, or one JSON object a line. */
  public enum Format {
    TEXT,
    JSON;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The least severe level that is logged. */
  public enum Level {
    DEBUG,
    INFO,
    WARN,
    ERROR;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
