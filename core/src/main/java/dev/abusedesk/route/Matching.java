package dev.abusedesk.route;

import dev.abusedesk.config.Account;
import dev.abusedesk.config.Match;
import java.util.Map;
import java.util.Optional;

/**
 * How a {@link Match} is evaluated against a subject, for routes and customer notices alike: within
 * a field any value matches, across fields all must.
 */
final class Matching {

  private Matching() {}

  static boolean matches(Match match, Subject subject, AccountRegistry registry) {
    if (!match.categories().isEmpty() && !match.categories().contains(subject.category())) {
      return false;
    }
    if (!match.kinds().isEmpty() && !match.kinds().contains(subject.kind())) {
      return false;
    }
    if (!match.accounts().isEmpty()
        && subject.accounts().stream().noneMatch(match.accounts()::contains)) {
      return false;
    }
    if (!match.customers().isEmpty()
        && subject.accounts().stream()
            .map(registry::find)
            .flatMap(Optional::stream)
            .map(Account::customer)
            .flatMap(Optional::stream)
            .noneMatch(match.customers()::contains)) {
      return false;
    }
    return match.labels().isEmpty()
        || subject.accounts().stream()
            .map(registry::find)
            .flatMap(Optional::stream)
            .anyMatch(account -> hasAll(account.labels(), match.labels()));
  }

  private static boolean hasAll(Map<String, String> labels, Map<String, String> wanted) {
    return wanted.entrySet().stream().allMatch(w -> w.getValue().equals(labels.get(w.getKey())));
  }
}
