package dev.abusedesk.remind;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseQuery;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.cases.CaseStore;
import dev.abusedesk.cases.CustomerNotice;
import dev.abusedesk.cases.CustomerNotices;
import dev.abusedesk.config.Customers;
import dev.abusedesk.config.Reminders;
import dev.abusedesk.notify.Alert;
import dev.abusedesk.notify.Dispatcher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Queues the reminders and escalations {@link ReminderPolicy} says are due. */
public final class ReminderScheduler {

  private final CaseStore store;
  private final Dispatcher dispatcher;
  private final Reminders policy;
  private final Clock clock;
  private final Optional<CustomerNotices> customerNotices;
  private final Customers customers;

  public ReminderScheduler(CaseStore store, Dispatcher dispatcher, Reminders policy, Clock clock) {
    this(store, dispatcher, policy, clock, Optional.empty(), Customers.off());
  }

  /**
   * @param customerNotices the customers' notices: their contacts are reminded until they answer,
   *     and the team is told when one's deadline passes unanswered
   */
  public ReminderScheduler(
      CaseStore store,
      Dispatcher dispatcher,
      Reminders policy,
      Clock clock,
      Optional<CustomerNotices> customerNotices,
      Customers customers) {
    this.customerNotices = Objects.requireNonNull(customerNotices, "customerNotices");
    this.customers = Objects.requireNonNull(customers, "customers");
    this.store = Objects.requireNonNull(store, "store");
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Queues what is due now; returns how many messages were queued. */
  public int run() {
    Instant now = clock.instant();
    int queued = 0;
    List<Case> waiting =
        store.list(new CaseQuery(Set.of(CaseStatus.OPEN, CaseStatus.ACKNOWLEDGED), 10_000));
    for (Case c : waiting) {
      for (Due due : ReminderPolicy.due(c, policy, now)) {
        if (due.what() == Due.What.ESCALATION) {
          queued +=
              dispatcher.queueReminder(
                  c, Alert.Type.ESCALATION, policy.escalationReceivers(), due.key());
        } else {
          queued += dispatcher.queueReminder(c, Alert.Type.REMINDER, List.of(), due.key());
        }
      }
    }
    return queued + customerNotices.map(notices -> remindCustomers(notices, now)).orElse(0);
  }

  /**
   * Reminds each contact who has not answered, every {@code remind_every_hours} until their
   * deadline; once it has passed, tells the case's receivers and the escalation receivers, once.
   * Nothing for a revoked notice (the store leaves them out), nor for a case no longer awaiting a
   * reply to AWS.
   */
  private int remindCustomers(CustomerNotices notices, Instant now) {
    int queued = 0;
    for (CustomerNotice notice : notices.dueForReminder(now, customers.remindEvery())) {
      Optional<Case> c = awaiting(notice);
      if (c.isPresent()) {
        queued += dispatcher.queueCustomerReminder(c.get(), notice);
        notices.reminded(notice.id(), now);
      }
    }
    for (CustomerNotice notice : notices.lateUntold(now)) {
      Optional<Case> c = awaiting(notice);
      if (c.isPresent()) {
        queued += dispatcher.queueCustomerLate(c.get(), notice, policy.escalationReceivers());
        notices.lateTold(notice.id(), now);
      }
    }
    return queued;
  }

  private Optional<Case> awaiting(CustomerNotice notice) {
    return store.find(notice.caseId()).filter(c -> c.status().awaitsReply());
  }
}
