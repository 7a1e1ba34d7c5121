package dev.abusedesk.cases;

import java.util.Objects;
import java.util.Set;

/**
 * Which cases to list.
 *
 * @param statuses the statuses wanted; empty means all
 * @param limit the most cases returned, most urgent first
 */
public record CaseQuery(Set<CaseStatus> statuses, int limit) {
  public CaseQuery {
    statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive");
    }
  }

  public static CaseQuery all() {
    return new CaseQuery(Set.of(), 10_000);
  }
}
