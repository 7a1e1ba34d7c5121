package dev.abusedesk.remind;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseQuery;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.cases.CaseStore;
import dev.abusedesk.config.Reminders;
import dev.abusedesk.notify.Alert;
import dev.abusedesk.notify.Dispatcher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Queues the reminders and escalations {@link ReminderPolicy} says are due. */
public final class ReminderScheduler {

  private final CaseStore store;
  private final Dispatcher dispatcher;
  private final Reminders policy;
  private final Clock clock;

  public ReminderScheduler(CaseStore store, Dispatcher dispatcher, Reminders policy, Clock clock) {
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
    return queued;
  }
}
