package dev.abusedesk.cases;

import java.util.Map;

/**
 * What the store holds, counted: for metrics.
 *
 * @param reports by channel and kind, keyed {@code channel/kind}
 * @param cases by status
 * @param overdue cases whose reply is late
 */
public record Counts(Map<String, Long> reports, Map<CaseStatus, Long> cases, long overdue) {
  public Counts {
    reports = Map.copyOf(reports);
    cases = Map.copyOf(cases);
  }
}
