package dev.abusedesk.route;

import dev.abusedesk.report.Category;
import dev.abusedesk.report.Kind;
import java.util.List;
import java.util.Objects;

/**
 * What routes look at: the case's accounts and category, and the kind of the report at hand.
 *
 * @param kind the kind of the report that prompted the message (the latest one for reminders)
 */
public record Subject(List<String> accounts, Category category, Kind kind) {
  public Subject {
    accounts = List.copyOf(accounts);
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(kind, "kind");
  }
}
