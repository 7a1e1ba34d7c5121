package dev.abusedesk.cases;

import dev.abusedesk.report.Report;
import java.time.Instant;
import java.util.Objects;

/**
 * A report as the store keeps it.
 *
 * @param caseId the case it belongs to, or {@code null} for a report that is not about abuse
 * @param intake how it arrived ({@code pipe}, {@code smtp}, {@code http}, ...)
 */
public record StoredReport(
    long id, Long caseId, String spoolId, String intake, Report report, Instant recordedAt) {
  public StoredReport {
    Objects.requireNonNull(spoolId, "spoolId");
    Objects.requireNonNull(intake, "intake");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }
}
