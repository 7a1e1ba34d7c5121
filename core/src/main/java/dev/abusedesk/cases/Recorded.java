package dev.abusedesk.cases;

import java.util.Objects;

/** What recording one report did. Later stages alert on {@link Opened} and {@link Joined}. */
public sealed interface Recorded
    permits Recorded.Opened,
        Recorded.Joined,
        Recorded.PageMerged,
        Recorded.Redelivery,
        Recorded.AlreadyRecorded,
        Recorded.Unrelated,
        Recorded.TeamReply {

  /** The report opened a new case. */
  record Opened(Case caseNow, long reportId) implements Recorded {
    public Opened {
      Objects.requireNonNull(caseNow, "caseNow");
    }
  }

  /** The report joined an existing case. */
  record Joined(Case caseNow, long reportId, CaseStatus statusBefore) implements Recorded {
    public Joined {
      Objects.requireNonNull(caseNow, "caseNow");
      Objects.requireNonNull(statusBefore, "statusBefore");
    }
  }

  /** Another page of a Health event already recorded: its resources were added to that report. */
  record PageMerged(Case caseNow, long reportId) implements Recorded {}

  /** An exact re-delivery of a report already recorded: nothing was added. */
  record Redelivery(long existingReportId) implements Recorded {}

  /** This spooled message was recorded before (a retried or concurrent run). */
  record AlreadyRecorded() implements Recorded {}

  /** Not an abuse report: kept for audit, no case. */
  record Unrelated(long reportId) implements Recorded {}

  /**
   * The team's own reply to an AWS mail of a case, BCC'd to the intake: kept for audit without a
   * case, and the case moved to replied when a reply was due ({@code statusBefore} tells).
   */
  record TeamReply(Case caseNow, long reportId, CaseStatus statusBefore, String sender)
      implements Recorded {
    public TeamReply {
      java.util.Objects.requireNonNull(caseNow, "caseNow");
      java.util.Objects.requireNonNull(statusBefore, "statusBefore");
      java.util.Objects.requireNonNull(sender, "sender");
    }
  }
}
