package dev.abusedesk.cases;

import dev.abusedesk.config.Language;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One dashboard session.
 *
 * @param id the secret the browser holds in its cookie
 * @param user who logged in; empty for a visitor of an acknowledgement link
 * @param csrf the token every form of this session carries
 */
public record DeskSession(
    String id, Optional<String> user, String csrf, Instant expires, Language language) {

  public DeskSession {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(csrf, "csrf");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(language, "language");
  }

  /** Whether a form's token is this session's, compared in constant time. */
  public boolean csrfMatches(String given) {
    return given != null
        && MessageDigest.isEqual(
            given.getBytes(StandardCharsets.US_ASCII), csrf.getBytes(StandardCharsets.US_ASCII));
  }

  /** The same session in another language. */
  public DeskSession speaking(Language other) {
    return new DeskSession(id, user, csrf, expires, other);
  }

  /** Without the ID and the token: a session in a log line must not be one to take over. */
  @Override
  public String toString() {
    return "DeskSession[user=" + user + ", expires=" + expires + ", language=" + language + "]";
  }
}
