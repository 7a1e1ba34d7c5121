package dev.abusedesk.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code customers:}, which cases the accounts' contacts are told about. */
final class CustomersSection {

  private CustomersSection() {}

  static Customers read(Section root, int deadlineHours, boolean hasReply) {
    Optional<Section> opened =
        root.section("customers", "notify_when", "margin_hours", "remind_every_hours", "link_days");
    if (opened.isEmpty()) {
      return Customers.off();
    }
    Section customers = opened.get();
    Problems.Mark mark = customers.document().problems.mark();
    List<Match> notifyWhen = new ArrayList<>();
    for (Section.Item item : customers.list("notify_when")) {
      Problems.Mark entryMark = customers.document().problems.mark();
      Section.of(item.node(), item.path(), customers.document(), RoutesSection.MATCH_KEYS)
          .ifPresent(
              entry -> {
                Match match = RoutesSection.match(entry);
                if (entryMark.clean() && match.isAny()) {
                  // An empty entry would notify every case: say so rather than guess.
                  entry.problem("needs a condition (account, customer, label, category or kind)");
                }
                notifyWhen.add(match);
              });
    }
    int margin = customers.integer("margin_hours", 1, 23).orElse(Customers.DEFAULT_MARGIN_HOURS);
    int every =
        customers.integer("remind_every_hours", 1, 24).orElse(Customers.DEFAULT_REMIND_EVERY_HOURS);
    int linkDays = customers.integer("link_days", 1, 30).orElse(Customers.DEFAULT_LINK_DAYS);
    if (!notifyWhen.isEmpty() && !hasReply) {
      customers.problem("notify_when", "needs a reply section to send mail through");
    }
    if (!notifyWhen.isEmpty() && margin >= deadlineHours) {
      customers.problem(
          "margin_hours",
          "must be less than deadline_hours (" + deadlineHours + "), or the customer has no time");
    }
    return mark.clean() ? new Customers(notifyWhen, margin, every, linkDays) : Customers.off();
  }
}
