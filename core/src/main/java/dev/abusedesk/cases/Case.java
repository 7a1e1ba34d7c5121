package dev.abusedesk.cases;

import dev.abusedesk.report.Category;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One incident: every report AWS sent about it, joined.
 *
 * @param deadline the earliest reply deadline among reports received since the last reply, or
 *     {@code null} when no reply is due
 * @param awsCaseIds AWS case numbers and Health event ARNs the reports name
 * @param reports how many reports the case holds
 * @param openedAt when the case was recorded here
 * @param reportedAt when AWS first reported it: the earliest date of its reports, which a backfill
 *     of old reports puts long before {@code openedAt} ({@code openedAt} while it holds none)
 */
public record Case(
    long id,
    CaseStatus status,
    Category category,
    List<String> accounts,
    List<String> regions,
    List<String> resources,
    List<String> ips,
    List<String> awsCaseIds,
    int reports,
    Instant openedAt,
    Instant reportedAt,
    Instant updatedAt,
    Instant deadline,
    String acknowledgedBy,
    Instant acknowledgedAt,
    Instant repliedAt) {

  public Case {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(category, "category");
    accounts = List.copyOf(accounts);
    regions = List.copyOf(regions);
    resources = List.copyOf(resources);
    ips = List.copyOf(ips);
    awsCaseIds = List.copyOf(awsCaseIds);
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(reportedAt, "reportedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** Whether the reply is late at {@code now}. */
  public boolean overdue(Instant now) {
    return deadline != null && status.awaitsReply() && !now.isBefore(deadline);
  }

  /** The time left to the deadline (negative once overdue), or {@code null} when none is due. */
  public java.time.Duration timeLeft(Instant now) {
    return deadline == null || !status.awaitsReply()
        ? null
        : java.time.Duration.between(now, deadline);
  }
}
