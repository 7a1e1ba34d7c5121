package dev.abusedesk.app.serve;

import dev.abusedesk.config.Logging;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sets up the daemon's log: one line per event on stderr, as text or as JSON lines. Core code logs
 * through {@link System.Logger}, which ends here.
 */
public final class Logs {

  // Held: java.util.logging forgets the level of a logger nobody references.
  private static final Logger SUBETHAMAIL = Logger.getLogger("org.subethamail");
  private static final Logger HIKARI = Logger.getLogger("com.zaxxer.hikari");
  private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");

  private Logs() {}

  /**
   * Keeps libraries' INFO off stderr, for every command: it is chatter (a listener started, a
   * connection pool started, a connection added), while their warnings are worth a line.
   */
  public static void quietLibraries() {
    SUBETHAMAIL.setLevel(Level.WARNING);
    HIKARI.setLevel(Level.WARNING);
    JETTY.setLevel(Level.WARNING);
  }

  public static void configure(Logging logging) {
    Logger root = Logger.getLogger("");
    for (Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    Level level = level(logging.level());
    ConsoleHandler handler = new ConsoleHandler();
    handler.setLevel(level);
    handler.setFormatter(
        logging.format() == Logging.Format.JSON ? new JsonLines() : new TextLines());
    root.addHandler(handler);
    root.setLevel(level);
    // Libraries log their own chatter at INFO; ours is what an operator needs.
    quietLibraries();
  }

  private static Level level(Logging.Level level) {
    return switch (level) {
      case DEBUG -> Level.FINE;
      case INFO -> Level.INFO;
      case WARN -> Level.WARNING;
      case ERROR -> Level.SEVERE;
    };
  }

  private static String levelName(Level level) {
    if (level.intValue() >= Level.SEVERE.intValue()) {
      return "error";
    }
    if (level.intValue() >= Level.WARNING.intValue()) {
      return "warn";
    }
    if (level.intValue() >= Level.INFO.intValue()) {
      return "info";
    }
    return "debug";
  }

  private static String shortName(String logger) {
    if (logger == null) {
      return "";
    }
    int dot = logger.lastIndexOf('.');
    return dot >= 0 ? logger.substring(dot + 1) : logger;
  }

  private static String thrown(LogRecord record) {
    if (record.getThrown() == null) {
      return "";
    }
    StringWriter out = new StringWriter();
    record.getThrown().printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  /** {@code 2025-10-14T03:12:40.123Z info Daemon listening on 127.0.0.1:2525}. */
  static final class TextLines extends Formatter {
    @Override
    public String format(LogRecord record) {
      String line =
          String.format(
              "%s %-5s %-14s %s%n",
              Instant.ofEpochMilli(record.getMillis()),
              levelName(record.getLevel()),
              shortName(record.getLoggerName()),
              formatMessage(record).replace('\n', ' '));
      return line + thrown(record);
    }
  }

  /** One JSON object per line: time, level, logger, message, and the error when there is one. */
  static final class JsonLines extends Formatter {
    @Override
    public String format(LogRecord record) {
      StringBuilder out = new StringBuilder(200);
      out.append("{\"time\":\"").append(Instant.ofEpochMilli(record.getMillis())).append('"');
      out.append(",\"level\":\"").append(levelName(record.getLevel())).append('"');
      out.append(",\"logger\":");
      quote(out, shortName(record.getLoggerName()));
      out.append(",\"message\":");
      quote(out, formatMessage(record));
      if (record.getThrown() != null) {
        out.append(",\"error\":");
        quote(out, thrown(record));
      }
      return out.append("}\n").toString();
    }

    private static void quote(StringBuilder out, String text) {
      out.append('"');
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append('"');
    }
  }
}
