package dev.abusedesk.cases;

import dev.abusedesk.report.Report;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where cases live. Every implementation passes the same contract tests; recording is idempotent on
 * the spool ID, so a message processed twice (a retry, two processes) is one report.
 */
public interface CaseStore extends AutoCloseable {

  /**
   * Records one parsed report with its raw bytes: joins it into a case (or opens one), drops exact
   * re-deliveries, keeps non-abuse mail for audit.
   */
  Recorded record(Report report, byte[] raw, String spoolId, String intake);

  /** Whether a spooled message has been recorded (or recognised as a re-delivery). */
  boolean isRecorded(String spoolId);

  /** Cases, most urgent first: overdue and nearest deadline, then newest. */
  List<Case> list(CaseQuery query);

  Optional<Case> find(long caseId);

  /** The reports of a case, oldest first. */
  List<StoredReport> reports(long caseId);

  /** The ID of the first report recorded for a case; empty when it has none (or no such case). */
  OptionalLong firstReportId(long caseId);

  /** The case's latest report: the last of {@link #reports}; empty when it has none. */
  Optional<StoredReport> latestReport(long caseId);

  /** Reports that are not about abuse, newest first. */
  List<StoredReport> unrelated(int limit);

  /** The raw bytes of a report as received. */
  Optional<byte[]> raw(long reportId);

  /** The audit history of a case, oldest first. */
  List<CaseEvent> history(long caseId);

  /** A person moves a case along the workflow. */
  Change move(long caseId, CaseStatus to, String actor, String note, Instant at);

  /** A person adds a note. */
  Change note(long caseId, String actor, String note, Instant at);

  /**
   * A person confirms that a closing mail the desk could not verify is AWS's: the case is closed by
   * AWS. Not allowed once no reply is due.
   */
  Change confirmAwsClosed(long caseId, String actor, Instant at);

  /** Reports and cases counted, for metrics. */
  Counts counts(Instant now);

  /** Whether the store answers. */
  boolean reachable();

  @Override
  void close();
}
