package dev.abusedesk.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential from the configuration: given inline, as {@code {env: NAME}} or as {@code {file:
 * PATH}}, resolved when the file is loaded. Only {@link #reveal()} returns the value; {@link
 * #toString()} prints {@code Secret[***]} so that a secret never reaches a log, an exception or a
 * record's string form.
 */
public final class Secret {

  private final String value;
  private final String source;

  private Secret(String value, String source) {
    this.value = Objects.requireNonNull(value, "value");
    this.source = Objects.requireNonNull(source, "source");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a secret must not be empty");
    }
  }

  /** A secret held by the program itself, e.g. generated at first start. */
  public static Secret of(String value) {
    return new Secret(value, "given");
  }

  static Secret inline(String value) {
    return new Secret(value, "inline");
  }

  static Secret fromEnv(String value, String name) {
    return new Secret(value, "env " + name);
  }

  static Secret fromFile(String value, String path) {
    return new Secret(value, "file " + path);
  }

  /** The value: call it where it is used (an HTTP header, a login), never to print it. */
  public String reveal() {
    return value;
  }

  /** Where the value came from ({@code inline}, {@code env IMAP_PASSWORD}, {@code file /x}). */
  public String source() {
    return source;
  }

  /** Equal values are equal secrets, compared in constant time; the source does not count. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Secret that
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
  }

  /** Constant: a hash derived from the value would tell something about it. */
  @Override
  public int hashCode() {
    return 1;
  }

  @Override
  public String toString() {
    return "Secret[***]";
  }
}
