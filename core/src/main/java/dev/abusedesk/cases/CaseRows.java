package dev.abusedesk.cases;

import dev.abusedesk.report.Category;
import dev.abusedesk.report.ReportJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reading cases, reports and history out of the tables, and the few shared writes. */
final class CaseRows {

  /** The columns of one case row, before its keys are gathered. */
  record Row(
      long id,
      CaseStatus status,
      Category category,
      Instant openedAt,
      Instant updatedAt,
      Instant deadline,
      String acknowledgedBy,
      Instant acknowledgedAt,
      Instant repliedAt,
      Instant awsClosedAt,
      Instant lastRequestAt) {}

  private static final String ROW_COLUMNS =
      "id, status, category, opened_at, updated_at, deadline, acknowledged_by, acknowledged_at,"
          + " replied_at, aws_closed_at, last_request_at";

  Optional<Row> row(Connection c, long id) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM cases WHERE id = ?")) {
      p.setLong(1, id);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(row(r)) : Optional.empty();
      }
    }
  }

  private static Row row(ResultSet r) throws SQLException {
    return new Row(
        r.getLong(1),
        CaseStatus.fromWire(r.getString(2)),
        Category.fromWire(r.getString(3)),
        instant(r, 4),
        instant(r, 5),
        instant(r, 6),
        r.getString(7),
        instant(r, 8),
        instant(r, 9),
        instant(r, 10),
        instant(r, 11));
  }

  Optional<Case> find(Connection c, long id) throws SQLException {
    Optional<Row> row = row(c, id);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(assemble(c, List.of(row.get())).get(0));
  }

  List<Case> list(Connection c, CaseQuery query) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + ROW_COLUMNS + " FROM cases");
    if (!query.statuses().isEmpty()) {
      sql.append(" WHERE status IN (")
          .append(query.statuses().stream().map(s -> "?").collect(Collectors.joining(",")))
          .append(')');
    }
    // Most urgent first: a running deadline, the nearest first; then the newest.
    sql.append(" ORDER BY CASE WHEN deadline IS NULL THEN 1 ELSE 0 END, deadline, opened_at DESC,")
        .append(" id DESC LIMIT ?");
    List<Row> found = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(sql.toString())) {
      int i = 1;
      for (CaseStatus s : query.statuses().stream().sorted().toList()) {
        p.setString(i++, s.wire());
      }
      p.setInt(i, query.limit());
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          found.add(row(r));
        }
      }
    }
    return assemble(c, found);
  }

  private List<Case> assemble(Connection c, List<Row> found) throws SQLException {
    Map<Long, Map<JoinKeys.Kind, TreeSet<String>>> keys = new HashMap<>();
    Map<Long, Integer> counts = new HashMap<>();
    Map<Long, Instant> reported = new HashMap<>();
    for (int from = 0; from < found.size(); from += 500) {
      List<Row> chunk = found.subList(from, Math.min(found.size(), from + 500));
      String ids = chunk.stream().map(r -> Long.toString(r.id())).collect(Collectors.joining(","));
      try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT case_id, kind, key_value FROM case_keys WHERE case_id IN (" + ids + ")");
          ResultSet r = p.executeQuery()) {
        while (r.next()) {
          JoinKeys.Kind kind =
              JoinKeys.Kind.valueOf(r.getString(2).toUpperCase(java.util.Locale.ROOT));
          keys.computeIfAbsent(r.getLong(1), k -> new HashMap<>())
              .computeIfAbsent(kind, k -> new TreeSet<>())
              .add(JoinKeys.shown(kind, r.getString(3)));
        }
      }
      try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT case_id, COUNT(*), MIN(received_at) FROM reports WHERE case_id IN ("
                      + ids
                      + ") GROUP BY case_id");
          ResultSet r = p.executeQuery()) {
        while (r.next()) {
          counts.put(r.getLong(1), r.getInt(2));
          reported.put(r.getLong(1), Instant.ofEpochMilli(r.getLong(3)));
        }
      }
    }
    List<Case> cases = new ArrayList<>(found.size());
    for (Row row : found) {
      Map<JoinKeys.Kind, TreeSet<String>> k = keys.getOrDefault(row.id(), Map.of());
      TreeSet<String> awsIds =
          new TreeSet<>(k.getOrDefault(JoinKeys.Kind.AWS_CASE, new TreeSet<>()));
      awsIds.addAll(k.getOrDefault(JoinKeys.Kind.EVENT, new TreeSet<>()));
      cases.add(
          new Case(
              row.id(),
              row.status(),
              row.category(),
              List.copyOf(k.getOrDefault(JoinKeys.Kind.ACCOUNT, new TreeSet<>())),
              List.copyOf(k.getOrDefault(JoinKeys.Kind.REGION, new TreeSet<>())),
              List.copyOf(k.getOrDefault(JoinKeys.Kind.RESOURCE, new TreeSet<>())),
              List.copyOf(k.getOrDefault(JoinKeys.Kind.IP, new TreeSet<>())),
              List.copyOf(awsIds),
              counts.getOrDefault(row.id(), 0),
              row.openedAt(),
              reported.getOrDefault(row.id(), row.openedAt()),
              row.updatedAt(),
              row.deadline(),
              row.acknowledgedBy(),
              row.acknowledgedAt(),
              row.repliedAt()));
    }
    return cases;
  }

  List<StoredReport> reports(Connection c, String sql, long parameter) throws SQLException {
    List<StoredReport> reports = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setLong(1, parameter);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          long caseId = r.getLong(2);
          Long owner = r.wasNull() ? null : caseId;
          reports.add(
              new StoredReport(
                  r.getLong(1),
                  owner,
                  r.getString(3),
                  r.getString(4),
                  ReportJson.read(r.getString(5)),
                  Instant.ofEpochMilli(r.getLong(6))));
        }
      }
    }
    return reports;
  }

  List<CaseEvent> history(Connection c, long caseId) throws SQLException {
    List<CaseEvent> events = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT id, case_id, at, actor, type, from_status, to_status, report_id, note"
                + " FROM case_events WHERE case_id = ? ORDER BY at, id")) {
      p.setLong(1, caseId);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          long reportId = r.getLong(8);
          Long report = r.wasNull() ? null : reportId;
          events.add(
              new CaseEvent(
                  r.getLong(1),
                  r.getLong(2),
                  Instant.ofEpochMilli(r.getLong(3)),
                  r.getString(4),
                  CaseEvent.Type.fromWire(r.getString(5)),
                  r.getString(6) == null ? null : CaseStatus.fromWire(r.getString(6)),
                  r.getString(7) == null ? null : CaseStatus.fromWire(r.getString(7)),
                  report,
                  r.getString(9)));
        }
      }
    }
    return events;
  }

  void event(
      Connection c,
      long caseId,
      Instant at,
      String actor,
      CaseEvent.Type type,
      CaseStatus from,
      CaseStatus to,
      Long reportId,
      String note)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO case_events (case_id, at, actor, type, from_status, to_status, report_id,"
                + " note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setLong(1, caseId);
      p.setLong(2, at.toEpochMilli());
      p.setString(3, actor);
      p.setString(4, type.wire());
      p.setString(5, from == null ? null : from.wire());
      p.setString(6, to == null ? null : to.wire());
      if (reportId == null) {
        p.setNull(7, Types.BIGINT);
      } else {
        p.setLong(7, reportId);
      }
      p.setString(8, note == null ? "" : note);
      p.executeUpdate();
    }
  }

  /**
   * Sets the case's deadline: the earliest among reports received since the last reply, while the
   * case awaits a reply; none otherwise.
   */
  void refreshDeadline(Connection c, long caseId) throws SQLException {
    Row row = row(c, caseId).orElseThrow();
    Long deadline = null;
    if (row.status().awaitsReply()) {
      try (PreparedStatement p =
          c.prepareStatement(
              "SELECT MIN(deadline) FROM reports WHERE case_id = ? AND deadline IS NOT NULL"
                  + " AND effective_at > ?")) {
        p.setLong(1, caseId);
        p.setLong(2, row.repliedAt() == null ? Long.MIN_VALUE : row.repliedAt().toEpochMilli());
        try (ResultSet r = p.executeQuery()) {
          if (r.next()) {
            long value = r.getLong(1);
            deadline = r.wasNull() ? null : value;
          }
        }
      }
    }
    try (PreparedStatement p = c.prepareStatement("UPDATE cases SET deadline = ? WHERE id = ?")) {
      if (deadline == null) {
        p.setNull(1, Types.BIGINT);
      } else {
        p.setLong(1, deadline);
      }
      p.setLong(2, caseId);
      p.executeUpdate();
    }
  }

  private static Instant instant(ResultSet r, int column) throws SQLException {
    long value = r.getLong(column);
    return r.wasNull() ? null : Instant.ofEpochMilli(value);
  }
}
