package dev.abusedesk.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The outbox on SQLite or PostgreSQL; PostgreSQL claims with {@code FOR UPDATE SKIP LOCKED}. */
public final class SqlOutbox implements Outbox {

  private final Database db;
  private final CaseRows rows = new CaseRows();
  private final OutboxReports reports;

  public SqlOutbox(Database db) {
    this.db = Objects.requireNonNull(db, "db");
    this.reports = new OutboxReports(db);
  }

  @Override
  public int enqueue(List<Enqueue> items) {
    return db.transaction(c -> insert(c, items));
  }

  private static int insert(Connection c, List<Enqueue> items) throws SQLException {
    int added = 0;
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO outbox (case_id, receiver, dedup_key, kind, payload, status, attempts,"
                + " created_at, due_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)"
                + " ON CONFLICT (receiver, dedup_key) DO NOTHING")) {
      for (Enqueue item : items) {
        p.setLong(1, item.caseId());
        p.setString(2, item.receiver());
        p.setString(3, item.dedupKey());
        p.setString(4, item.kind());
        p.setString(5, item.payload());
        p.setLong(6, item.dueAt().toEpochMilli());
        p.setLong(7, item.dueAt().toEpochMilli());
        added += p.executeUpdate();
      }
    }
    return added;
  }

  @Override
  public List<StoredReport> unalerted(int limit) {
    return db.transaction(
        c ->
            rows.reports(
                c,
                "SELECT id, case_id, spool_id, intake, parsed, recorded_at FROM reports"
                    + " WHERE alerted_at IS NULL AND case_id IS NOT NULL ORDER BY id LIMIT ?",
                limit));
  }

  @Override
  public int alerted(long reportId, Instant at, List<Enqueue> items) {
    return db.transaction(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE reports SET alerted_at = ? WHERE id = ? AND alerted_at IS NULL")) {
            p.setLong(1, at.toEpochMilli());
            p.setLong(2, reportId);
            if (p.executeUpdate() == 0) {
              return 0; // Another instance queued them first.
            }
          }
          return insert(c, items);
        });
  }

  /** Due, unclaimed, and not behind an earlier pending message of its case to its receiver. */
  private static final String CLAIMABLE =
      " o.status = 'pending' AND o.due_at <= ?"
          + " AND (o.claimed_until IS NULL OR o.claimed_until < ?)"
          + " AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.case_id = o.case_id"
          + " AND e.receiver = o.receiver AND e.status = 'pending' AND e.id < o.id)";

  @Override
  public List<Item> claim(Claim claim) {
    String candidates =
        "SELECT o.id FROM outbox o WHERE o.receiver = ? AND"
            + CLAIMABLE
            + (claim.kind().isPresent() ? " AND o.kind = ?" : "")
            + " ORDER BY o.due_at, o.id LIMIT ?";
    return db.transaction(
        c -> {
          List<Long> ids = new ArrayList<>();
          String select =
              db.dialect() == Database.Dialect.POSTGRESQL
                  ? candidates + " FOR UPDATE OF o SKIP LOCKED"
                  : candidates;
          try (PreparedStatement p = c.prepareStatement(select)) {
            int i = 1;
            p.setString(i++, claim.receiver());
            p.setLong(i++, claim.now().toEpochMilli());
            p.setLong(i++, claim.now().toEpochMilli());
            if (claim.kind().isPresent()) {
              p.setString(i++, claim.kind().get());
            }
            p.setInt(i, claim.limit());
            try (ResultSet r = p.executeQuery()) {
              while (r.next()) {
                ids.add(r.getLong(1));
              }
            }
          }
          if (ids.isEmpty()) {
            return List.of();
          }
          String in = in(ids);
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id IN (" + in + ")")) {
            p.setString(1, claim.owner());
            p.setLong(2, claim.now().plus(claim.lease()).toEpochMilli());
            p.executeUpdate();
          }
          List<Item> items = new ArrayList<>();
          try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT id, case_id, receiver, dedup_key, kind, payload, attempts,"
                          + " created_at FROM outbox WHERE id IN ("
                          + in
                          + ") ORDER BY due_at, id");
              ResultSet r = p.executeQuery()) {
            while (r.next()) {
              items.add(
                  new Item(
                      r.getLong(1),
                      r.getLong(2),
                      r.getString(3),
                      r.getString(4),
                      Objects.requireNonNullElse(r.getString(5), ""),
                      r.getString(6),
                      r.getInt(7),
                      Instant.ofEpochMilli(r.getLong(8))));
            }
          }
          return items;
        });
  }

  @Override
  public Set<String> receiversDue(Instant now) {
    return db.transaction(
        c -> {
          Set<String> receivers = new java.util.TreeSet<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT DISTINCT receiver FROM outbox o WHERE o.status = 'pending'"
                      + " AND o.due_at <= ? AND (o.claimed_until IS NULL OR o.claimed_until < ?)")) {
            p.setLong(1, now.toEpochMilli());
            p.setLong(2, now.toEpochMilli());
            try (ResultSet r = p.executeQuery()) {
              while (r.next()) {
                receivers.add(r.getString(1));
              }
            }
          }
          return receivers;
        });
  }

  @Override
  public Map<String, Integer> claimable(String receiver, Instant now) {
    return db.transaction(
        c -> {
          Map<String, Integer> counts = new java.util.TreeMap<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT o.kind, COUNT(*) FROM outbox o WHERE o.receiver = ? AND"
                      + CLAIMABLE
                      + " GROUP BY o.kind")) {
            p.setString(1, receiver);
            p.setLong(2, now.toEpochMilli());
            p.setLong(3, now.toEpochMilli());
            try (ResultSet r = p.executeQuery()) {
              while (r.next()) {
                counts.put(Objects.requireNonNullElse(r.getString(1), ""), r.getInt(2));
              }
            }
          }
          return counts;
        });
  }

  @Override
  public void sent(long id, Instant at) {
    execute(
        "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1,"
            + " claimed_by = NULL, claimed_until = NULL, last_error = NULL WHERE id = ?",
        at.toEpochMilli(),
        id);
  }

  @Override
  public void sentInDigest(List<Long> ids, Instant at) {
    if (ids.isEmpty()) {
      return;
    }
    execute(
        "UPDATE outbox SET status = 'sent', sent_as = 'digest', sent_at = ?,"
            + " attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL, last_error = NULL"
            + " WHERE id IN ("
            + in(ids)
            + ")",
        at.toEpochMilli());
  }

  @Override
  public void release(List<Long> ids) {
    if (!ids.isEmpty()) {
      execute(
          "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE id IN ("
              + in(ids)
              + ")");
    }
  }

  @Override
  public void release(long id, Instant dueAt) {
    execute(
        "UPDATE outbox SET due_at = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ?",
        dueAt.toEpochMilli(),
        id);
  }

  @Override
  public void retry(long id, Instant dueAt, String error) {
    execute(
        "UPDATE outbox SET due_at = ?, attempts = attempts + 1, last_error = ?,"
            + " claimed_by = NULL, claimed_until = NULL WHERE id = ?",
        dueAt.toEpochMilli(),
        bounded(error),
        id);
  }

  @Override
  public void failed(long id, Instant at, String error) {
    execute(
        "UPDATE outbox SET status = 'failed', sent_at = ?, attempts = attempts + 1,"
            + " last_error = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ?",
        at.toEpochMilli(),
        bounded(error),
        id);
  }

  @Override
  public List<Entry> entries(Set<String> statuses, int limit) {
    return reports.entries(statuses, limit);
  }

  @Override
  public List<Entry> entriesFor(long caseId) {
    return reports.entriesFor(caseId);
  }

  @Override
  public Depth depth() {
    return reports.depth();
  }

  @Override
  public List<Backlog> backlog(Instant failedSince) {
    return reports.backlog(failedSince);
  }

  @Override
  public Optional<String> threadRef(long caseId, String receiver) {
    return db.transaction(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT ref FROM threads WHERE case_id = ? AND receiver = ?")) {
            p.setLong(1, caseId);
            p.setString(2, receiver);
            try (ResultSet r = p.executeQuery()) {
              return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public void keepThreadRef(long caseId, String receiver, String ref) {
    execute(
        "INSERT INTO threads (case_id, receiver, ref) VALUES (?, ?, ?)"
            + " ON CONFLICT (case_id, receiver) DO NOTHING",
        caseId,
        receiver,
        bounded(ref));
  }

  @Override
  public boolean lease(String job, String owner, Instant now, Duration lease) {
    return db.transaction(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO jobs (name, owner, lease_until) VALUES (?, NULL, 0)"
                      + " ON CONFLICT (name) DO NOTHING")) {
            insert.setString(1, job);
            insert.executeUpdate();
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE jobs SET owner = ?, lease_until = ?, last_run = ? WHERE name = ?"
                      + " AND (lease_until < ? OR owner = ?)")) {
            p.setString(1, owner);
            p.setLong(2, now.plus(lease).toEpochMilli());
            p.setLong(3, now.toEpochMilli());
            p.setString(4, job);
            p.setLong(5, now.toEpochMilli());
            p.setString(6, owner);
            return p.executeUpdate() == 1;
          }
        });
  }

  @Override
  public Optional<String> cursor(String name) {
    return db.transaction(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT cursor_value FROM cursors WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
              return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public void keepCursor(String name, String value, Instant at) {
    execute(
        "INSERT INTO cursors (name, cursor_value, updated_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (name) DO UPDATE SET cursor_value = excluded.cursor_value,"
            + " updated_at = excluded.updated_at",
        name,
        value,
        at.toEpochMilli());
  }

  /** One statement in its own transaction; parameters are longs and strings. */
  private void execute(String sql, Object... parameters) {
    db.transaction(
        c -> {
          try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
              if (parameters[i] instanceof Long number) {
                p.setLong(i + 1, number);
              } else {
                p.setString(i + 1, (String) parameters[i]);
              }
            }
            p.executeUpdate();
          }
          return null;
        });
  }

  private static String in(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static String bounded(String text) {
    String value = text == null ? "" : text;
    return value.length() > 2000 ? value.substring(0, 2000) : value;
  }
}
