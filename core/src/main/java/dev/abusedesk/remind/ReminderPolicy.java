package dev.abusedesk.remind;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.config.Reminders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When to remind about a case, as a pure function of the case, the policy and the time. Before the
 * deadline: the policy's offsets while the case is open, the acknowledged offsets once someone owns
 * it; an escalation once, if nobody has acknowledged by its offset; after the deadline, one
 * reminder every interval. Nothing once the reply is sent. Only the latest reminder point counts: a
 * scheduler that was down does not send the ones it missed.
 */
public final class ReminderPolicy {

  private ReminderPolicy() {}

  public static List<Due> due(Case c, Reminders policy, Instant now) {
    Instant deadline = c.deadline();
    if (deadline == null || !c.status().awaitsReply()) {
      return List.of();
    }
    List<Due> due = new ArrayList<>(2);
    String base = "deadline:" + deadline.toEpochMilli();
    boolean unowned = c.status() == CaseStatus.OPEN;

    if (unowned && !now.isBefore(deadline.minus(policy.escalateAt()))) {
      due.add(new Due(Due.What.ESCALATION, "escalate:" + base));
    }

    if (!now.isBefore(deadline)) {
      long slot = Duration.between(deadline, now).dividedBy(policy.overdueInterval());
      Instant point = deadline.plus(policy.overdueInterval().multipliedBy(slot));
      if (!point.isBefore(c.openedAt())) {
        due.add(new Due(Due.What.REMINDER, "overdue:" + base + ":" + slot));
      }
      return due;
    }

    List<Duration> offsets = unowned ? policy.offsets() : policy.acknowledgedOffsets();
    // Offsets are sorted largest first: the last one already reached is the current point.
    Duration current = null;
    for (Duration offset : offsets) {
      if (!now.isBefore(deadline.minus(offset))) {
        current = offset;
      }
    }
    if (current != null && !deadline.minus(current).isBefore(c.openedAt())) {
      String who = unowned ? "open" : "owned";
      due.add(new Due(Due.What.REMINDER, "remind:" + base + ":" + who + ":" + current.toSeconds()));
    }
    return due;
  }
}
