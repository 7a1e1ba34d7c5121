package dev.abusedesk.desk;

import dev.abusedesk.config.Language;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dashboard sessions, kept in memory: a restart logs everyone out, which is fine for a desk of a
 * few people. IDs are 256 random bits; each session carries its own CSRF token.
 */
final class Sessions {

  /** Bounds the memory a flood of anonymous visits can take. */
  static final int MAX_SESSIONS = 10_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * One session.
   *
   * @param user who logged in; empty for a visitor of an acknowledgement link
   */
  record Session(
      String id, Optional<String> user, String csrf, Instant expires, Language language) {
    Session {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(csrf, "csrf");
      Objects.requireNonNull(expires, "expires");
      Objects.requireNonNull(language, "language");
    }

    boolean csrfMatches(String given) {
      return given != null
          && MessageDigest.isEqual(
              given.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
              csrf.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    Session speaking(Language other) {
      return new Session(id, user, csrf, expires, other);
    }
  }

  private final ConcurrentHashMap<String, Session> byId = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration lifetime;

  Sessions(Clock clock, Duration lifetime) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
  }

  Session open(Optional<String> user, Language language) {
    if (byId.size() >= MAX_SESSIONS) {
      sweep();
    }
    if (byId.size() >= MAX_SESSIONS) {
      // Anonymous sessions go first: a logged-in person is not logged out by a flood.
      byId.values().removeIf(s -> s.user().isEmpty());
    }
    Session session =
        new Session(randomId(), user, randomId(), clock.instant().plus(lifetime), language);
    byId.put(session.id(), session);
    return session;
  }

  /** The live session with this ID; an expired one is forgotten. */
  Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session session = byId.get(id);
    if (session == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(session.expires())) {
      byId.remove(id);
      return Optional.empty();
    }
    return Optional.of(session);
  }

  void update(Session session) {
    byId.replace(session.id(), session);
  }

  void close(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }

  Duration lifetime() {
    return lifetime;
  }

  private void sweep() {
    Instant now = clock.instant();
    byId.values().removeIf(s -> !now.isBefore(s.expires()));
  }

  static String randomId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
