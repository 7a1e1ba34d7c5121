package dev.abusedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.CaseStatus;
import org.junit.jupiter.api.Test;

class PagerDutyNotifierTest {

  private final Alert alert =
      TestReceivers.alert(TestReceivers.reports("email/ec2-abuse-dos.eml").get(0));

  private String action(Alert.Type type, CaseStatus status) {
    return PagerDutyNotifier.action(AlertDraft.of(alert).type(type).status(status).build());
  }

  @Test
  void triggersForAlertsRemindersEscalationsAndUpdates() {
    for (Alert.Type type :
        new Alert.Type[] {
          Alert.Type.NEW_CASE, Alert.Type.UPDATE, Alert.Type.REMINDER, Alert.Type.ESCALATION
        }) {
      assertThat(action(type, CaseStatus.OPEN)).as(type.wire()).isEqualTo("trigger");
    }
  }

  @Test
  void acknowledgesWhenSomeoneTakesTheCase() {
    assertThat(action(Alert.Type.STATUS, CaseStatus.ACKNOWLEDGED)).isEqualTo("acknowledge");
  }

  @Test
  void resolvesOnceTheCaseIsRepliedMitigatedResolvedOrClosedByAws() {
    assertThat(action(Alert.Type.STATUS, CaseStatus.REPLIED)).isEqualTo("resolve");
    assertThat(action(Alert.Type.STATUS, CaseStatus.MITIGATED)).isEqualTo("resolve");
    assertThat(action(Alert.Type.STATUS, CaseStatus.RESOLVED)).isEqualTo("resolve");
    assertThat(action(Alert.Type.CLOSED_BY_AWS, CaseStatus.CLOSED_BY_AWS)).isEqualTo("resolve");
  }

  @Test
  void aCustomersAnswerNeverReopensAnIncidentTheTeamTookOrClosed() {
    assertThat(action(Alert.Type.CUSTOMER_ANSWERED, CaseStatus.OPEN)).isEqualTo("trigger");
    assertThat(action(Alert.Type.CUSTOMER_ANSWERED, CaseStatus.ACKNOWLEDGED))
        .isEqualTo("acknowledge");
    assertThat(action(Alert.Type.CUSTOMER_ANSWERED, CaseStatus.REPLIED)).isEqualTo("resolve");
    assertThat(action(Alert.Type.CUSTOMER_ANSWERED, CaseStatus.RESOLVED)).isEqualTo("resolve");
    // A customer who let their deadline pass is worth waking someone for.
    assertThat(action(Alert.Type.CUSTOMER_LATE, CaseStatus.ACKNOWLEDGED)).isEqualTo("trigger");
  }

  @Test
  void keepsOneIncidentPerCase() {
    assertThat(PagerDutyNotifier.dedupKey(alert)).isEqualTo("abusedesk-case-42");
    assertThat(PagerDutyNotifier.dedupKey(AlertDraft.of(alert).type(Alert.Type.REMINDER).build()))
        .isEqualTo("abusedesk-case-42");
  }
}
