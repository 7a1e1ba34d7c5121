package dev.abusedesk.config;

import dev.abusedesk.report.Category;
import dev.abusedesk.report.Kind;
import java.util.Map;
import java.util.Set;

/**
 * What a route matches, as data: the route package decides how. Within a field any value matches
 * (an empty field matches everything); across fields all must match. {@code labels} are matched
 * against the account's labels: every pair must be present.
 */
public record Match(
    Set<String> accounts,
    Set<String> customers,
    Map<String, String> labels,
    Set<Category> categories,
    Set<Kind> kinds) {

  private static final Match ANY = new Match(Set.of(), Set.of(), Map.of(), Set.of(), Set.of());

  public Match {
    accounts = Ordered.set(accounts);
    customers = Ordered.set(customers);
    labels = Ordered.map(labels);
    categories = Ordered.set(categories);
    kinds = Ordered.set(kinds);
  }

  /** The match of a route without {@code match}: everything. */
  public static Match any() {
    return ANY;
  }

  /** Whether this match has no condition at all, as on a default route. */
  public boolean isAny() {
    return accounts.isEmpty()
        && customers.isEmpty()
        && labels.isEmpty()
        && categories.isEmpty()
        && kinds.isEmpty();
  }
}
