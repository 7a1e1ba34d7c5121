package dev.abusedesk.cases;

import dev.abusedesk.report.Report;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** The case store on SQLite or PostgreSQL. */
public final class SqlCaseStore implements CaseStore {

  private final Database db;
  private final Clock clock;
  private final CaseRows rows = new CaseRows();

  private SqlCaseStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Opens the store on {@code db}, bringing its schema up to date. */
  public static SqlCaseStore open(Database db, Clock clock) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(clock, "clock");
    Migrations.apply(db, clock);
    return new SqlCaseStore(db, clock);
  }

  public Database database() {
    return db;
  }

  @Override
  public Recorded record(Report report, byte[] raw, String spoolId, String intake) {
    Objects.requireNonNull(report, "report");
    String sha256 = Hashes.sha256(raw);
    Instant now = clock.instant();
    return db.exclusive(
        c -> new Recording(c, rows, now).record(report, raw, sha256, spoolId, intake));
  }

  @Override
  public boolean isRecorded(String spoolId) {
    return db.transaction(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT 1 FROM reports WHERE spool_id = ?")) {
            p.setString(1, spoolId);
            try (ResultSet r = p.executeQuery()) {
              return r.next();
            }
          }
        });
  }

  @Override
  public List<Case> list(CaseQuery query) {
    return db.transaction(c -> rows.list(c, query));
  }

  @Override
  public Optional<Case> find(long caseId) {
    return db.transaction(c -> rows.find(c, caseId));
  }

  @Override
  public List<StoredReport> reports(long caseId) {
    return db.transaction(
        c ->
            rows.reports(
                c,
                "SELECT id, case_id, spool_id, intake, parsed, recorded_at FROM reports"
                    + " WHERE case_id = ? ORDER BY effective_at, id",
                caseId));
  }

  @Override
  public OptionalLong firstReportId(long caseId) {
    return db.transaction(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT MIN(id) FROM reports WHERE case_id = ?")) {
            p.setLong(1, caseId);
            try (ResultSet r = p.executeQuery()) {
              if (!r.next()) {
                return OptionalLong.empty();
              }
              long id = r.getLong(1);
              return r.wasNull() ? OptionalLong.empty() : OptionalLong.of(id);
            }
          }
        });
  }

  @Override
  public Optional<StoredReport> latestReport(long caseId) {
    return db.transaction(
        c ->
            rows
                .reports(
                    c,
                    "SELECT id, case_id, spool_id, intake, parsed, recorded_at FROM reports"
                        + " WHERE case_id = ? ORDER BY effective_at DESC, id DESC LIMIT 1",
                    caseId)
                .stream()
                .findFirst());
  }

  @Override
  public List<StoredReport> unrelated(int limit) {
    return db.transaction(
        c ->
            rows.reports(
                c,
                "SELECT id, case_id, spool_id, intake, parsed, recorded_at FROM reports"
                    + " WHERE case_id IS NULL ORDER BY recorded_at DESC, id DESC LIMIT ?",
                limit));
  }

  @Override
  public Optional<byte[]> raw(long reportId) {
    return db.transaction(
        c -> {
          try (PreparedStatement p = c.prepareStatement("SELECT raw FROM reports WHERE id = ?")) {
            p.setLong(1, reportId);
            try (ResultSet r = p.executeQuery()) {
              return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public List<CaseEvent> history(long caseId) {
    return db.transaction(c -> rows.history(c, caseId));
  }

  @Override
  public Change move(long caseId, CaseStatus to, String actor, String note, Instant at) {
    requireActor(actor);
    return db.exclusive(c -> Moves.move(c, rows, caseId, to, actor, note, at, null));
  }

  @Override
  public Change confirmAwsClosed(long caseId, String actor, Instant at) {
    requireActor(actor);
    return db.exclusive(c -> Moves.confirmAwsClosed(c, rows, caseId, actor, at));
  }

  @Override
  public Change note(long caseId, String actor, String note, Instant at) {
    requireActor(actor);
    if (note == null || note.isBlank()) {
      throw new IllegalArgumentException("a note needs text");
    }
    return db.exclusive(
        c -> {
          Optional<CaseRows.Row> row = rows.row(c, caseId);
          if (row.isEmpty()) {
            return new Change.NoSuchCase(caseId);
          }
          rows.event(c, caseId, at, actor, CaseEvent.Type.NOTE, null, null, null, note);
          try (PreparedStatement p =
              c.prepareStatement("UPDATE cases SET updated_at = ? WHERE id = ?")) {
            p.setLong(1, at.toEpochMilli());
            p.setLong(2, caseId);
            p.executeUpdate();
          }
          return new Change.Done(rows.find(c, caseId).orElseThrow(), row.get().status());
        });
  }

  @Override
  public Counts counts(Instant now) {
    return db.transaction(
        c -> {
          java.util.Map<String, Long> reports = new java.util.TreeMap<>();
          try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT channel, kind, COUNT(*) FROM reports GROUP BY channel, kind");
              ResultSet r = p.executeQuery()) {
            while (r.next()) {
              reports.put(r.getString(1) + "/" + r.getString(2), r.getLong(3));
            }
          }
          java.util.Map<CaseStatus, Long> cases = new java.util.EnumMap<>(CaseStatus.class);
          for (CaseStatus s : CaseStatus.values()) {
            cases.put(s, 0L);
          }
          try (PreparedStatement p =
                  c.prepareStatement("SELECT status, COUNT(*) FROM cases GROUP BY status");
              ResultSet r = p.executeQuery()) {
            while (r.next()) {
              cases.put(CaseStatus.fromWire(r.getString(1)), r.getLong(2));
            }
          }
          long overdue;
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM cases WHERE status IN ('open', 'acknowledged')"
                      + " AND deadline IS NOT NULL AND deadline <= ?")) {
            p.setLong(1, now.toEpochMilli());
            try (ResultSet r = p.executeQuery()) {
              r.next();
              overdue = r.getLong(1);
            }
          }
          return new Counts(reports, cases, overdue);
        });
  }

  @Override
  public boolean reachable() {
    return db.reachable();
  }

  @Override
  public void close() {
    db.close();
  }

  private static void requireActor(String actor) {
    if (actor == null || actor.isBlank() || actor.length() > 200) {
      throw new IllegalArgumentException("say who does it (1 to 200 characters)");
    }
  }
}
