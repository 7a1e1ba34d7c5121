package dev.abusedesk.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Brings the schema up to date: numbered SQL scripts, applied once each, in order, under the write
 * lock so that concurrent first starts apply them once. The scripts are portable SQL with a few
 * placeholders for what differs between SQLite and PostgreSQL.
 */
final class Migrations {

  private Migrations() {}

  /** Append only: a released script never changes. */
  static final List<String> SCRIPTS =
      List.of(
          "V1__cases.sql",
          "V2__outbox.sql",
          "V3__outbox_kind.sql",
          "V4__forged_cases.sql",
          "V5__desk_sessions.sql",
          "V6__customer_notices.sql");

  private static final Map<Database.Dialect, Map<String, String>> PLACEHOLDERS =
      Map.of(
          Database.Dialect.SQLITE,
          Map.of(
              "${id}", "INTEGER PRIMARY KEY AUTOINCREMENT",
              "${blob}", "BLOB",
              "${payload_type}", "json_extract(payload, '$.type')",
              "${widen_case_events}", ""),
          Database.Dialect.POSTGRESQL,
          Map.of(
              "${id}", "BIGSERIAL PRIMARY KEY",
              "${blob}", "BYTEA",
              "${payload_type}", "CAST(payload AS json) ->> 'type'",
              "${widen_case_events}",
                  "ALTER TABLE case_events ALTER COLUMN type TYPE VARCHAR(40),"
                      + " ALTER COLUMN actor TYPE VARCHAR(300)"));

  static void apply(Database database, java.time.Clock clock) {
    apply(database, clock, SCRIPTS);
  }

  /** Applies the first scripts only: tests make the database an earlier release left. */
  static void apply(Database database, java.time.Clock clock, List<String> scripts) {
    database.exclusive(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER PRIMARY KEY, script VARCHAR(200) NOT NULL,"
                    + " applied_at BIGINT NOT NULL)");
          }
          int current = current(c, scripts.size());
          for (int i = current; i < scripts.size(); i++) {
            run(c, database.dialect(), scripts.get(i));
            try (PreparedStatement p =
                c.prepareStatement(
                    "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
              p.setInt(1, i + 1);
              p.setString(2, scripts.get(i));
              p.setLong(3, clock.millis());
              p.executeUpdate();
            }
          }
          return null;
        });
  }

  private static int current(Connection c, int known) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      r.next();
      int version = r.getInt(1);
      if (version > known) {
        throw new SQLException(
            "the database schema (version " + version + ") is newer than this abusedesk");
      }
      return version;
    }
  }

  private static void run(Connection c, Database.Dialect dialect, String script)
      throws SQLException {
    String sql = load(script);
    for (Map.Entry<String, String> p : PLACEHOLDERS.get(dialect).entrySet()) {
      sql = sql.replace(p.getKey(), p.getValue());
    }
    try (Statement s = c.createStatement()) {
      for (String statement : sql.split(";\\s*(?:\\n|$)")) {
        String trimmed = statement.replaceAll("(?m)^\\s*--.*$", "").strip();
        if (!trimmed.isEmpty()) {
          s.execute(trimmed);
        }
      }
    }
  }

  private static String load(String script) {
    String path = "/dev/abusedesk/cases/migrations/" + script;
    try (InputStream in = Migrations.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("migration missing from the jar: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
