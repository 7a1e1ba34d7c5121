package dev.abusedesk.cases;

import dev.abusedesk.cases.Outbox.Backlog;
import dev.abusedesk.cases.Outbox.Depth;
import dev.abusedesk.cases.Outbox.Entry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the outbox holds, read for people and health checks: {@code outbox list}, a case's timeline,
 * the depth and each receiver's backlog. Nothing here claims or changes a message.
 */
final class OutboxReports {

  private final Database db;

  OutboxReports(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  List<Entry> entries(Set<String> statuses, int limit) {
    String where =
        statuses.isEmpty()
            ? ""
            : " WHERE status IN ("
                + statuses.stream()
                    .map(s -> "'" + s.replace("'", "") + "'")
                    .collect(Collectors.joining(","))
                + ")";
    return db.transaction(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(ENTRY_COLUMNS + where + " ORDER BY id DESC LIMIT ?")) {
            p.setInt(1, limit);
            return entries(p);
          }
        });
  }

  List<Entry> entriesFor(long caseId) {
    return db.transaction(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(ENTRY_COLUMNS + " WHERE case_id = ? ORDER BY id")) {
            p.setLong(1, caseId);
            return entries(p);
          }
        });
  }

  private static final String ENTRY_COLUMNS =
      "SELECT id, case_id, receiver, dedup_key, kind, sent_as, status, attempts,"
          + " created_at, due_at, sent_at, last_error FROM outbox";

  private static List<Entry> entries(PreparedStatement p) throws SQLException {
    List<Entry> entries = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        long sentAt = r.getLong(11);
        Instant sent = r.wasNull() ? null : Instant.ofEpochMilli(sentAt);
        entries.add(
            new Entry(
                r.getLong(1),
                r.getLong(2),
                r.getString(3),
                r.getString(4),
                Objects.requireNonNullElse(r.getString(5), ""),
                Objects.requireNonNullElse(r.getString(6), ""),
                r.getString(7),
                r.getInt(8),
                Instant.ofEpochMilli(r.getLong(9)),
                Instant.ofEpochMilli(r.getLong(10)),
                sent,
                r.getString(12)));
      }
    }
    return entries;
  }

  Depth depth() {
    return db.transaction(
        c -> {
          try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END),"
                          + " SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END),"
                          + " MIN(CASE WHEN status = 'pending' THEN created_at END) FROM outbox");
              ResultSet r = p.executeQuery()) {
            r.next();
            long oldest = r.getLong(3);
            Optional<Instant> oldestPending =
                r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(oldest));
            return new Depth(r.getInt(1), r.getInt(2), oldestPending);
          }
        });
  }

  List<Backlog> backlog(Instant failedSince) {
    return db.transaction(
        c -> {
          List<Backlog> backlog = new ArrayList<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT receiver,"
                      + " SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END),"
                      + " MIN(CASE WHEN status = 'pending' THEN created_at END),"
                      + " MAX(CASE WHEN last_error IS NOT NULL THEN id END),"
                      + " SUM(CASE WHEN status = 'failed' AND sent_at >= ? THEN 1 ELSE 0 END)"
                      + " FROM outbox WHERE status = 'pending'"
                      + " OR (status = 'failed' AND sent_at >= ?)"
                      + " GROUP BY receiver ORDER BY receiver")) {
            p.setLong(1, failedSince.toEpochMilli());
            p.setLong(2, failedSince.toEpochMilli());
            try (ResultSet r = p.executeQuery()) {
              while (r.next()) {
                long oldest = r.getLong(3);
                Optional<Instant> oldestPending =
                    r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(oldest));
                long withError = r.getLong(4);
                String error = r.wasNull() ? "" : lastError(c, withError);
                backlog.add(
                    new Backlog(r.getString(1), r.getInt(2), oldestPending, error, r.getInt(5)));
              }
            }
          }
          return backlog;
        });
  }

  private static String lastError(Connection c, long id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT last_error FROM outbox WHERE id = ?")) {
      p.setLong(1, id);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Objects.requireNonNullElse(r.getString(1), "") : "";
      }
    }
  }
}
