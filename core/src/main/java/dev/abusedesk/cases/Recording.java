package dev.abusedesk.cases;

import dev.abusedesk.report.Category;
import dev.abusedesk.report.Report;
import dev.abusedesk.report.ReportJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One report being recorded, inside the store's write transaction: re-deliveries dropped, Health
 * pages merged, the case found by its keys (or opened), and what AWS's report means for the case's
 * status and deadline applied.
 */
final class Recording {

  static final String AWS = SystemNotes.AWS;

  private final Connection c;
  private final CaseRows rows;
  private final Instant now;

  Recording(Connection c, CaseRows rows, Instant now) {
    this.c = c;
    this.rows = rows;
    this.now = now;
  }

  Recorded record(Report report, byte[] raw, String sha256, String spoolId, String intake)
      throws SQLException {
    if (exists("SELECT 1 FROM reports WHERE spool_id = ?", spoolId)) {
      return new Recorded.AlreadyRecorded();
    }
    List<String> redelivery = JoinKeys.redelivery(report, sha256);
    Optional<Long> earlier = reportWithKey(redelivery);
    if (earlier.isPresent()) {
      return new Recorded.Redelivery(earlier.get());
    }
    Instant at = effectiveAt(report);
    Optional<Long> answered = TeamReplies.caseAnswered(c, report);
    if (answered.isPresent()) {
      long id = insertReport(null, report, raw, sha256, spoolId, intake, at);
      keepReportKeys(redelivery, id);
      return TeamReplies.apply(c, rows, answered.get(), id, report, now);
    }
    if (!report.isAbuse()) {
      long id = insertReport(null, report, raw, sha256, spoolId, intake, at);
      keepReportKeys(redelivery, id);
      return new Recorded.Unrelated(id);
    }

    Optional<String> pageGroup = JoinKeys.pageGroup(report);
    if (pageGroup.isPresent()) {
      Optional<Long> firstPage = reportWithKey(List.of(pageGroup.get()));
      if (firstPage.isPresent()) {
        return mergePage(firstPage.get(), report, redelivery, at);
      }
    }

    Optional<Long> existing = new CaseLookup(c).caseFor(report, at);
    CaseStatus before = null;
    long caseId;
    if (existing.isPresent()) {
      caseId = existing.get();
      before = rows.row(c, caseId).orElseThrow().status();
    } else {
      caseId = openCase(report.category(), report.provenance().forged(), at);
    }
    long reportId = insertReport(caseId, report, raw, sha256, spoolId, intake, at);
    List<String> reportKeys = new ArrayList<>(redelivery);
    pageGroup.ifPresent(reportKeys::add);
    keepReportKeys(reportKeys, reportId);
    keepCaseKeys(caseId, JoinKeys.kept(report), at);
    rows.event(
        c,
        caseId,
        now,
        AWS,
        CaseEvent.Type.REPORT,
        null,
        null,
        reportId,
        report.kind().wire() + " by " + report.channel().wire());
    applyWhatAwsSaid(caseId, report, at);
    Case after = rows.find(c, caseId).orElseThrow();
    return before == null
        ? new Recorded.Opened(after, reportId)
        : new Recorded.Joined(after, reportId, before);
  }

  /** When AWS said it: the Health event's last update, else the report's date. */
  static Instant effectiveAt(Report report) {
    if (report.origin() instanceof Report.HealthOrigin health && health.lastUpdatedAt() != null) {
      return health.lastUpdatedAt().isAfter(report.receivedAt())
          ? health.lastUpdatedAt()
          : report.receivedAt();
    }
    return report.receivedAt();
  }

  /** A new case; one a forged mail opens is marked so that no other report ever joins it. */
  private long openCase(Category category, boolean forged, Instant at) throws SQLException {
    long id;
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO cases (status, category, opened_at, updated_at, forged)"
                + " VALUES (?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      p.setString(1, CaseStatus.OPEN.wire());
      p.setString(2, category.wire());
      p.setLong(3, now.toEpochMilli());
      p.setLong(4, now.toEpochMilli());
      p.setInt(5, forged ? 1 : 0);
      p.executeUpdate();
      id = generatedId(p);
    }
    rows.event(c, id, now, AWS, CaseEvent.Type.OPENED, null, CaseStatus.OPEN, null, "");
    return id;
  }

  private void applyWhatAwsSaid(long caseId, Report report, Instant at) throws SQLException {
    CaseRows.Row row = rows.row(c, caseId).orElseThrow();
    AwsSaid.Outcome after = AwsSaid.of(report, at).applyTo(AwsSaid.Standing.of(row));
    try (PreparedStatement p =
        c.prepareStatement(
            "UPDATE cases SET status = ?, category = ?, updated_at = ?, aws_closed_at = ?,"
                + " last_request_at = ? WHERE id = ?")) {
      p.setString(1, after.status().wire());
      p.setString(2, after.category().wire());
      p.setLong(3, now.toEpochMilli());
      setInstant(p, 4, after.awsClosedAt());
      setInstant(p, 5, after.lastRequestAt());
      p.setLong(6, caseId);
      p.executeUpdate();
    }
    if (after.status() != row.status()) {
      rows.event(
          c,
          caseId,
          now,
          AWS,
          CaseEvent.Type.STATUS,
          row.status(),
          after.status(),
          null,
          after.reason());
    }
    if (after.note().isPresent()) {
      rows.event(c, caseId, now, AWS, CaseEvent.Type.NOTE, null, null, null, after.note().get());
    }
    rows.refreshDeadline(c, caseId);
  }

  private Recorded mergePage(long reportId, Report page, List<String> redelivery, Instant at)
      throws SQLException {
    long caseId;
    Report first;
    try (PreparedStatement p =
        c.prepareStatement("SELECT case_id, parsed FROM reports WHERE id = ?")) {
      p.setLong(1, reportId);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        caseId = r.getLong(1);
        first = ReportJson.read(r.getString(2));
      }
    }
    Report merged = withResourcesOf(first, page);
    try (PreparedStatement p = c.prepareStatement("UPDATE reports SET parsed = ? WHERE id = ?")) {
      p.setString(1, ReportJson.object(merged));
      p.setLong(2, reportId);
      p.executeUpdate();
    }
    keepReportKeys(redelivery, reportId);
    keepCaseKeys(caseId, JoinKeys.kept(page), at);
    if (page.origin() instanceof Report.HealthOrigin h) {
      rows.event(
          c,
          caseId,
          now,
          AWS,
          CaseEvent.Type.REPORT,
          null,
          null,
          reportId,
          "page " + h.page() + " of " + h.totalPages() + " merged");
    }
    return new Recorded.PageMerged(rows.find(c, caseId).orElseThrow(), reportId);
  }

  private static Report withResourcesOf(Report first, Report page) {
    TreeSet<String> resources = new TreeSet<>(first.resources());
    resources.addAll(page.resources());
    TreeSet<String> ips = new TreeSet<>(first.ips());
    ips.addAll(page.ips());
    return first.withResources(
        List.copyOf(resources), List.copyOf(ips), first.truncated() || page.truncated());
  }

  private long insertReport(
      Long caseId,
      Report report,
      byte[] raw,
      String sha256,
      String spoolId,
      String intake,
      Instant at)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO reports (case_id, spool_id, intake, channel, kind, category, received_at,"
                + " effective_at, deadline, recorded_at, sha256, parsed, raw)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      if (caseId == null) {
        p.setNull(1, Types.BIGINT);
      } else {
        p.setLong(1, caseId);
      }
      p.setString(2, spoolId);
      p.setString(3, intake);
      p.setString(4, report.channel().wire());
      p.setString(5, report.kind().wire());
      p.setString(6, report.category() == null ? null : report.category().wire());
      p.setLong(7, report.receivedAt().toEpochMilli());
      p.setLong(8, at.toEpochMilli());
      setInstant(p, 9, report.deadline());
      p.setLong(10, now.toEpochMilli());
      p.setString(11, sha256);
      p.setString(12, ReportJson.object(report));
      p.setBytes(13, raw);
      p.executeUpdate();
      return generatedId(p);
    }
  }

  private void keepReportKeys(List<String> keys, long reportId) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO report_keys (key_value, report_id) VALUES (?, ?)")) {
      for (String key : new TreeSet<>(keys)) {
        if (reportWithKey(List.of(key)).isPresent()) {
          continue;
        }
        p.setString(1, bounded(key));
        p.setLong(2, reportId);
        p.executeUpdate();
      }
    }
  }

  private void keepCaseKeys(long caseId, List<JoinKeys.Key> keys, Instant at) throws SQLException {
    long t = at.toEpochMilli();
    for (JoinKeys.Key key : keys) {
      String value = bounded(key.value());
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE case_keys SET first_seen = CASE WHEN first_seen < ? THEN first_seen ELSE ? END,"
                  + " last_seen = CASE WHEN last_seen > ? THEN last_seen ELSE ? END"
                  + " WHERE kind = ? AND key_value = ? AND case_id = ?")) {
        update.setLong(1, t);
        update.setLong(2, t);
        update.setLong(3, t);
        update.setLong(4, t);
        update.setString(5, key.kind().wire());
        update.setString(6, value);
        update.setLong(7, caseId);
        if (update.executeUpdate() > 0) {
          continue;
        }
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO case_keys (kind, key_value, case_id, first_seen, last_seen)"
                  + " VALUES (?, ?, ?, ?, ?)")) {
        insert.setString(1, key.kind().wire());
        insert.setString(2, value);
        insert.setLong(3, caseId);
        insert.setLong(4, t);
        insert.setLong(5, t);
        insert.executeUpdate();
      }
    }
  }

  private Optional<Long> reportWithKey(List<String> keys) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT report_id FROM report_keys WHERE key_value = ?")) {
      for (String key : keys) {
        p.setString(1, bounded(key));
        try (ResultSet r = p.executeQuery()) {
          if (r.next()) {
            return Optional.of(r.getLong(1));
          }
        }
      }
    }
    return Optional.empty();
  }

  private boolean exists(String sql, String value) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, value);
      try (ResultSet r = p.executeQuery()) {
        return r.next();
      }
    }
  }

  private static long generatedId(PreparedStatement p) throws SQLException {
    try (ResultSet keys = p.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("the database returned no generated id");
      }
      return keys.getLong(1);
    }
  }

  private static void setInstant(PreparedStatement p, int index, Instant value)
      throws SQLException {
    if (value == null) {
      p.setNull(index, Types.BIGINT);
    } else {
      p.setLong(index, value.toEpochMilli());
    }
  }

  private static String bounded(String key) {
    return key.length() > 1000 ? key.substring(0, 1000) : key;
  }
}
