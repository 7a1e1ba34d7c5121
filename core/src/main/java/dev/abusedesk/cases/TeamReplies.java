package dev.abusedesk.cases;

import dev.abusedesk.report.Report;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The team's own reply to AWS, BCC'd to the intake: a mail that answers an AWS mail of a case
 * (In-Reply-To or References names its Message-ID) and does not come from AWS. It moves the case to
 * replied, with the sender as the actor.
 */
final class TeamReplies {

  private TeamReplies() {}

  /** The longest actor the history keeps. */
  private static final int MAX_ACTOR = 200;

  /** The case whose AWS mail {@code report} answers, when it is the team's reply. */
  static Optional<Long> caseAnswered(Connection c, Report report) throws SQLException {
    if (!(report.origin() instanceof Report.MailOrigin mail)
        || mail.fromAws()
        || mail.forwarded()
        || mail.from().isBlank()) {
      return Optional.empty();
    }
    List<String> named = new ArrayList<>();
    if (!mail.inReplyTo().isEmpty()) {
      named.add(mail.inReplyTo());
    }
    named.addAll(mail.references());
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT case_id FROM case_keys WHERE kind = 'message' AND key_value = ?"
                + " ORDER BY case_id DESC")) {
      for (String id : named) {
        p.setString(1, id.length() > 1000 ? id.substring(0, 1000) : id);
        try (ResultSet r = p.executeQuery()) {
          if (r.next()) {
            return Optional.of(r.getLong(1));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Records the reply on the case: replied when a reply was still due, else a note. */
  static Recorded apply(
      Connection c, CaseRows rows, long caseId, long reportId, Report report, Instant now)
      throws SQLException {
    Report.MailOrigin mail = (Report.MailOrigin) report.origin();
    String actor = actor(mail.from());
    String note = SystemNotes.REPLIED_BY_MAIL + oneLine(mail.subject(), 300);
    CaseStatus before = rows.row(c, caseId).orElseThrow().status();
    if (before.allowsManualMoveTo(CaseStatus.REPLIED)) {
      Change change =
          Moves.move(
              c, rows, caseId, CaseStatus.REPLIED, actor, note, report.receivedAt(), reportId);
      if (change instanceof Change.Done done) {
        return new Recorded.TeamReply(done.caseNow(), reportId, before, actor);
      }
    }
    rows.event(c, caseId, now, actor, CaseEvent.Type.NOTE, null, null, reportId, note);
    return new Recorded.TeamReply(rows.find(c, caseId).orElseThrow(), reportId, before, actor);
  }

  private static String actor(String from) {
    return oneLine(from, MAX_ACTOR);
  }

  private static String oneLine(String value, int max) {
    String line = value.replaceAll("\\p{Cntrl}+", " ").strip();
    return line.length() > max ? line.substring(0, max) : line;
  }
}
