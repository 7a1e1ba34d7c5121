package dev.abusedesk.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A credential from the configuration: given inline, as {@code {env: NAME}} or as {@code {file:
 * PATH}}, read when the file is loaded. Only {@link #reveal()} returns the value; {@link
 * #toString()} prints {@code Secret[***]} so that a secret never reaches a log, an exception or a
 * record's string form.
 *
 * <p>A configuration loaded with {@link SecretCheck#WHEN_USED} keeps a secret it could not read (a
 * variable not set, a file missing) as an unread one: it carries the problem, and {@link #reveal()}
 * throws it, so that only the code that needs the secret fails.
 */
public final class Secret {

  private final String value;
  private final String source;
  private final Problem unread;

  private Secret(String value, String source, Problem unread) {
    this.value = value;
    this.source = Objects.requireNonNull(source, "source");
    this.unread = unread;
    if ((value == null) == (unread == null)) {
      throw new IllegalArgumentException("a secret has a value or a problem, not both");
    }
    if (value != null && value.isEmpty()) {
      throw new IllegalArgumentException("a secret must not be empty");
    }
  }

  /** A secret held by the program itself, e.g. generated at first start. */
  public static Secret of(String value) {
    return new Secret(Objects.requireNonNull(value, "value"), "given", null);
  }

  static Secret inline(String value) {
    return new Secret(Objects.requireNonNull(value, "value"), "inline", null);
  }

  static Secret fromEnv(String value, String name) {
    return new Secret(Objects.requireNonNull(value, "value"), "env " + name, null);
  }

  static Secret fromFile(String value, String path) {
    return new Secret(Objects.requireNonNull(value, "value"), "file " + path, null);
  }

  /** A secret that could not be read when the file was loaded: revealing it throws the problem. */
  static Secret unread(Problem problem, String source) {
    return new Secret(null, source, Objects.requireNonNull(problem, "problem"));
  }

  /**
   * The value: call it where it is used (an HTTP header, a login), never to print it.
   *
   * @throws ConfigException with the problem (its path, never a value) when the secret could not be
   *     read
   */
  public String reveal() {
    if (unread != null) {
      throw new ConfigException(List.of(unread));
    }
    return value;
  }

  /** Why the secret could not be read when the file was loaded; empty when it was read. */
  public Optional<Problem> problem() {
    return Optional.ofNullable(unread);
  }

  /** Where the value came from ({@code inline}, {@code env IMAP_PASSWORD}, {@code file /x}). */
  public String source() {
    return source;
  }

  /**
   * Equal values are equal secrets, compared in constant time; the source does not count. A secret
   * that could not be read equals only itself.
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    return other instanceof Secret that
        && value != null
        && that.value != null
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
