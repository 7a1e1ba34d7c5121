package dev.abusedesk.cases;

import dev.abusedesk.config.Language;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Dashboard sessions in the store's database (its schema brought up to date by {@link
 * SqlCaseStore#open}). Rows are keyed by the SHA-256 of the session ID; IDs and CSRF tokens are 256
 * random bits each.
 */
public final class SqlDeskSessions implements DeskSessions {

  /** Bounds the rows a flood of anonymous visits can add; logged-in sessions are never evicted. */
  static final int MAX_ANONYMOUS = 10_000;

  /** Serialises opening sessions on PostgreSQL, so that concurrent evictions never deadlock. */
  private static final long OPEN_LOCK_KEY = 0x4465736b53L; // "DeskS"

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;
  private final Clock clock;
  private final int maxAnonymous;

  public SqlDeskSessions(Database db, Clock clock) {
    this(db, clock, MAX_ANONYMOUS);
  }

  SqlDeskSessions(Database db, Clock clock, int maxAnonymous) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxAnonymous < 1) {
      throw new IllegalArgumentException("maxAnonymous must be positive: " + maxAnonymous);
    }
    this.maxAnonymous = maxAnonymous;
  }

  @Override
  public DeskSession open(Optional<String> user, Language language, Duration lifetime) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(language, "language");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
    }
    Instant now = clock.instant();
    DeskSession session =
        new DeskSession(randomToken(), user, randomToken(), now.plus(lifetime), language);
    db.transaction(
        c -> {
          if (db.dialect() == Database.Dialect.POSTGRESQL) {
            try (Statement s = c.createStatement()) {
              s.execute("SELECT pg_advisory_xact_lock(" + OPEN_LOCK_KEY + ")");
            }
          }
          try (PreparedStatement p =
              c.prepareStatement("DELETE FROM desk_sessions WHERE expires_at <= ?")) {
            p.setLong(1, now.toEpochMilli());
            p.executeUpdate();
          }
          // The new session is not evicted: room is made for it before it is added.
          evictAnonymous(c, user.isEmpty() ? maxAnonymous - 1 : maxAnonymous);
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO desk_sessions (id_sha256, user_name, csrf, language, created_at,"
                      + " expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, key(session.id()));
            if (user.isPresent()) {
              p.setString(2, user.get());
            } else {
              p.setNull(2, Types.VARCHAR);
            }
            p.setString(3, session.csrf());
            p.setString(4, language.wire());
            p.setLong(5, now.toEpochMilli());
            p.setLong(6, session.expires().toEpochMilli());
            p.executeUpdate();
          }
          return null;
        });
    return session;
  }

  /** Deletes the oldest anonymous sessions past the newest {@code keep}. */
  private static void evictAnonymous(Connection c, int keep) throws SQLException {
    int anonymous;
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT COUNT(*) FROM desk_sessions WHERE user_name IS NULL")) {
      r.next();
      anonymous = r.getInt(1);
    }
    if (anonymous <= keep) {
      return;
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "DELETE FROM desk_sessions WHERE id_sha256 IN (SELECT id_sha256 FROM desk_sessions"
                + " WHERE user_name IS NULL ORDER BY created_at, id_sha256 LIMIT ?)")) {
      p.setInt(1, anonymous - keep);
      p.executeUpdate();
    }
  }

  @Override
  public Optional<DeskSession> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String key = key(id);
    Instant now = clock.instant();
    return db.transaction(
        c -> {
          DeskSession session;
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT user_name, csrf, language, expires_at FROM desk_sessions"
                      + " WHERE id_sha256 = ?")) {
            p.setString(1, key);
            try (ResultSet r = p.executeQuery()) {
              if (!r.next()) {
                return Optional.empty();
              }
              session =
                  new DeskSession(
                      id,
                      Optional.ofNullable(r.getString(1)),
                      r.getString(2),
                      Instant.ofEpochMilli(r.getLong(4)),
                      language(r.getString(3)));
            }
          }
          if (now.isBefore(session.expires())) {
            return Optional.of(session);
          }
          delete(c, key);
          return Optional.empty();
        });
  }

  @Override
  public void update(DeskSession session) {
    String key = key(session.id());
    db.transaction(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("UPDATE desk_sessions SET language = ? WHERE id_sha256 = ?")) {
            p.setString(1, session.language().wire());
            p.setString(2, key);
            p.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void close(String id) {
    if (id == null) {
      return;
    }
    String key = key(id);
    db.transaction(
        c -> {
          delete(c, key);
          return null;
        });
  }

  private static void delete(Connection c, String key) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("DELETE FROM desk_sessions WHERE id_sha256 = ?")) {
      p.setString(1, key);
      p.executeUpdate();
    }
  }

  /** What a session is stored under: the hash of its ID, so that the table holds no live ID. */
  static String key(String id) {
    return Hashes.sha256(id.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A stored language; one this version does not speak (written by a newer daemon beside it during
   * an upgrade) reads as English rather than failing the request.
   */
  private static Language language(String wire) {
    for (Language language : Language.values()) {
      if (language.wire().equals(wire)) {
        return language;
      }
    }
    return Language.EN;
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
