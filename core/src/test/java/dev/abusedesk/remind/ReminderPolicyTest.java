package dev.abusedesk.remind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.config.Reminders;
import dev.abusedesk.report.Category;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderPolicyTest {

  private static final Instant DEADLINE = Instant.parse("2025-11-04T14:00:00Z");
  private static final Reminders POLICY = Reminders.defaults();

  private static Case caseWith(CaseStatus status, Instant openedAt, String owner) {
    return new Case(
        7,
        status,
        Category.PORT_SCAN,
        List.of("777788889999"),
        List.of("eu-west-1"),
        List.of(),
        List.of(),
        List.of("11983634034-1"),
        1,
        openedAt,
        openedAt,
        openedAt,
        DEADLINE,
        owner,
        owner == null ? null : openedAt,
        null);
  }

  private static List<String> keysAt(Case c, Duration beforeDeadline) {
    return ReminderPolicy.due(c, POLICY, DEADLINE.minus(beforeDeadline)).stream()
        .map(Due::key)
        .toList();
  }

  private static final Case OPEN =
      caseWith(CaseStatus.OPEN, DEADLINE.minus(Duration.ofHours(24)), null);

  @Test
  void remindsAtTwelveSixTwoAndOneHourBeforeTheDeadlineWhileOpen() {
    assertThat(keysAt(OPEN, Duration.ofHours(13))).isEmpty();
    assertThat(keysAt(OPEN, Duration.ofHours(12))).containsExactly(remind("open", 12));
    assertThat(keysAt(OPEN, Duration.ofHours(7))).containsExactly(remind("open", 12));
    assertThat(keysAt(OPEN, Duration.ofHours(6))).containsExactly(remind("open", 6));
    assertThat(keysAt(OPEN, Duration.ofHours(2))).contains(remind("open", 2));
    assertThat(keysAt(OPEN, Duration.ofMinutes(59))).contains(remind("open", 1));
  }

  @Test
  void escalatesOnceFourHoursBeforeTheDeadlineWhenNobodyHasAcknowledged() {
    assertThat(ReminderPolicy.due(OPEN, POLICY, DEADLINE.minus(Duration.ofHours(5))))
        .noneMatch(d -> d.what() == Due.What.ESCALATION);
    List<Due> at4h = ReminderPolicy.due(OPEN, POLICY, DEADLINE.minus(Duration.ofHours(4)));
    List<Due> at3h = ReminderPolicy.due(OPEN, POLICY, DEADLINE.minus(Duration.ofHours(3)));

    assertThat(at4h)
        .contains(new Due(Due.What.ESCALATION, "escalate:deadline:" + DEADLINE.toEpochMilli()));
    assertThat(at3h)
        .contains(new Due(Due.What.ESCALATION, "escalate:deadline:" + DEADLINE.toEpochMilli()));
  }

  @Test
  void remindsTheOwnerOnlyTwoHoursBeforeOnceAcknowledged() {
    Case owned = caseWith(CaseStatus.ACKNOWLEDGED, DEADLINE.minus(Duration.ofHours(24)), "hanako");

    assertThat(keysAt(owned, Duration.ofHours(6))).isEmpty();
    assertThat(keysAt(owned, Duration.ofHours(4))).isEmpty();
    assertThat(keysAt(owned, Duration.ofHours(2))).containsExactly(remind("owned", 2));
    assertThat(keysAt(owned, Duration.ofHours(1))).containsExactly(remind("owned", 2));
  }

  @Test
  void remindsHourlyOnceOverdue() {
    assertThat(ReminderPolicy.due(OPEN, POLICY, DEADLINE))
        .extracting(Due::key)
        .contains("overdue:deadline:" + DEADLINE.toEpochMilli() + ":0");
    assertThat(ReminderPolicy.due(OPEN, POLICY, DEADLINE.plus(Duration.ofMinutes(150))))
        .extracting(Due::key)
        .contains("overdue:deadline:" + DEADLINE.toEpochMilli() + ":2");
  }

  @Test
  void staysQuietOnceTheReplyIsSent() {
    for (CaseStatus settled :
        List.of(
            CaseStatus.REPLIED,
            CaseStatus.MITIGATED,
            CaseStatus.RESOLVED,
            CaseStatus.CLOSED_BY_AWS)) {
      Case c = caseWith(settled, DEADLINE.minus(Duration.ofHours(24)), "hanako");
      assertThat(ReminderPolicy.due(c, POLICY, DEADLINE.plus(Duration.ofHours(3)))).isEmpty();
    }
  }

  @Test
  void sendsNoReminderForAPointThatPassedBeforeTheCaseWasOpened() {
    Case late = caseWith(CaseStatus.OPEN, DEADLINE.minus(Duration.ofHours(3)), null);

    assertThat(ReminderPolicy.due(late, POLICY, DEADLINE.minus(Duration.ofHours(3))))
        .extracting(Due::what)
        .containsExactly(Due.What.ESCALATION);
  }

  private static String remind(String who, int hours) {
    return "remind:deadline:" + DEADLINE.toEpochMilli() + ":" + who + ":" + hours * 3600;
  }
}
