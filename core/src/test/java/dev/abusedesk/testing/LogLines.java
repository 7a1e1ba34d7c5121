package dev.abusedesk.testing;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What one logger wrote while a test ran, as the formatted lines an operator would read. {@link
 * System.Logger} ends in {@code java.util.logging}, so this is a handler on the real logger.
 */
public final class LogLines extends Handler implements AutoCloseable {

  private final Logger logger;
  private final Level previous;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private LogLines(Logger logger) {
    this.logger = logger;
    this.previous = logger.getLevel();
    setLevel(Level.ALL);
    logger.setLevel(Level.ALL);
    logger.addHandler(this);
  }

  /** Starts listening to the logger of {@code type}. */
  public static LogLines of(Class<?> type) {
    return new LogLines(Logger.getLogger(type.getName()));
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void publish(LogRecord record) {
    Object[] parameters = record.getParameters();
    String text =
        parameters == null || parameters.length == 0
            ? record.getMessage()
            : new MessageFormat(record.getMessage(), Locale.ROOT).format(parameters);
    lines.add(text);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(previous);
  }
}
