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
}
