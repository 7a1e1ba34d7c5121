package dev.abusedesk.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** A status change inside a write transaction: the workflow checked, the history written. */
final class Moves {

  private Moves() {}

  static Change move(
      Connection c,
      CaseRows rows,
      long caseId,
      CaseStatus to,
      String actor,
      String note,
      Instant at,
      Long reportId)
      throws SQLException {
    Optional<CaseRows.Row> found = rows.row(c, caseId);
    if (found.isEmpty()) {
      return new Change.NoSuchCase(caseId);
    }
    CaseRows.Row row = found.get();
    if (!row.status().allowsManualMoveTo(to)) {
      return new Change.NotAllowed(row.status(), to);
    }
    String set =
        switch (to) {
          case ACKNOWLEDGED -> ", acknowledged_by = ?, acknowledged_at = ?";
          case REPLIED -> ", replied_at = ?";
          default -> "";
        };
    try (PreparedStatement p =
        c.prepareStatement("UPDATE cases SET status = ?, updated_at = ?" + set + " WHERE id = ?")) {
      int i = 1;
      p.setString(i++, to.wire());
      p.setLong(i++, at.toEpochMilli());
      if (to == CaseStatus.ACKNOWLEDGED) {
        p.setString(i++, actor);
        p.setLong(i++, at.toEpochMilli());
      } else if (to == CaseStatus.REPLIED) {
        p.setLong(i++, at.toEpochMilli());
      }
      p.setLong(i, caseId);
      p.executeUpdate();
    }
    rows.refreshDeadline(c, caseId);
    rows.event(c, caseId, at, actor, CaseEvent.Type.STATUS, row.status(), to, reportId, note);
    return new Change.Done(rows.find(c, caseId).orElseThrow(), row.status());
  }

  /**
   * A person confirms that an unverified closing mail is AWS's: the case is closed by AWS, as the
   * mail would have done had it been verified. Only while a reply is still due.
   */
  static Change confirmAwsClosed(Connection c, CaseRows rows, long caseId, String actor, Instant at)
      throws SQLException {
    Optional<CaseRows.Row> found = rows.row(c, caseId);
    if (found.isEmpty()) {
      return new Change.NoSuchCase(caseId);
    }
    CaseRows.Row row = found.get();
    if (!row.status().awaitsReply()) {
      return new Change.NotAllowed(row.status(), CaseStatus.CLOSED_BY_AWS);
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "UPDATE cases SET status = ?, updated_at = ?, aws_closed_at = ? WHERE id = ?")) {
      p.setString(1, CaseStatus.CLOSED_BY_AWS.wire());
      p.setLong(2, at.toEpochMilli());
      p.setLong(3, at.toEpochMilli());
      p.setLong(4, caseId);
      p.executeUpdate();
    }
    rows.refreshDeadline(c, caseId);
    rows.event(
        c,
        caseId,
        at,
        actor,
        CaseEvent.Type.STATUS,
        row.status(),
        CaseStatus.CLOSED_BY_AWS,
        null,
        SystemNotes.CONFIRMED_CLOSE);
    return new Change.Done(rows.find(c, caseId).orElseThrow(), row.status());
  }
}
