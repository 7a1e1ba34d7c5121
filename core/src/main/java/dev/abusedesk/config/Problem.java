package dev.abusedesk.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration file: where ({@code receivers[2].slack.webhook_url}), what
 * ({@code required}) and, when known, the line of the file (0 when not known). Never holds a secret
 * value.
 */
public record Problem(String path, String message, int line) {

  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line must not be negative: " + line);
    }
  }

  public Problem(String path, String message) {
    this(path, message, 0);
  }

  /** {@code path: message}, without the line: what tests and scripts compare. */
  public String withoutLine() {
    return path.isEmpty() ? message : path + ": " + message;
  }

  /** {@code path: message (line 12)}. */
  @Override
  public String toString() {
    return line == 0 ? withoutLine() : withoutLine() + " (line " + line + ")";
  }
}
