package dev.abusedesk.respond;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.CustomerAnswer;
import dev.abusedesk.report.Report;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a customer answered goes into the replies to AWS, attributed to them and quoted. */
class CustomerDraftsTest {

  private static final Instant AT = Instant.parse("2025-10-14T06:00:00Z");

  private static CaseFacts dos() {
    List<Report> reports = RespondGoldenTest.abuseReports("email/ec2-abuse-dos.eml");
    return RespondGoldenTest.facts(reports);
  }

  private static String body(Draft.Type type, List<CustomerSaid> said) {
    return ReplyDrafts.draft(type, dos(), said).body();
  }

  @Test
  void theCorrectiveActionReportSaysWhatTheCustomerStoppedAndChanged() {
    CustomerSaid said =
        new CustomerSaid(
            "111122223333",
            new CustomerAnswer(
                CustomerAnswer.Verdict.NOT_OURS,
                "Stopped instance i-0a1b2c3d4e5f60718.\nRemoved the cron job.",
                "Rotated the SSH keys",
                "",
                "Taro",
                AT));

    String body = body(Draft.Type.CORRECTIVE_ACTION, List.of(said));

    assertThat(body)
        .contains(
            "- The customer running AWS account 111122223333 reports that the activity did not"
                + " come from their own workload.\n")
        .contains(
            "- The customer running AWS account 111122223333 reports: \"Stopped instance"
                + " i-0a1b2c3d4e5f60718.\n  Removed the cron job.\"\n")
        .contains(
            "What we changed so that it does not happen again:\n"
                + "- The customer running AWS account 111122223333 reports: \"Rotated the SSH"
                + " keys\"\n- [e.g. ")
        .doesNotContain("Taro");
  }

  @Test
  void withoutAnswersTheDraftsAreWhatTheyWere() {
    for (Draft.Type type : Draft.Type.values()) {
      assertThat(body(type, List.of())).isEqualTo(ReplyDrafts.draft(type, dos()).body());
    }
  }

  @Test
  void aCustomerWhoNeedsTimeGoesIntoTheRequestForMoreTimeNotTheReport() {
    CustomerSaid said =
        new CustomerSaid(
            "111122223333",
            new CustomerAnswer(
                CustomerAnswer.Verdict.NEED_TIME, "", "", "Our vendor checks the logs", "", AT));

    assertThat(body(Draft.Type.MORE_TIME, List.of(said)))
        .contains(
            "Where the investigation stands:\n- The customer running AWS account 111122223333"
                + " needs more time to investigate: \"Our vendor checks the logs\"\n");
    assertThat(body(Draft.Type.CORRECTIVE_ACTION, List.of(said)))
        .isEqualTo(ReplyDrafts.draft(Draft.Type.CORRECTIVE_ACTION, dos()).body());
  }

  @Test
  void aCustomersTextCannotAddHeadersOrEndTheQuoteOnALineOfItsOwn() {
    String hostile = "done\n\nSubject: hacked\nBcc: x@evil.example\u2028more";
    CustomerSaid said =
        new CustomerSaid(
            "111122223333",
            new CustomerAnswer(CustomerAnswer.Verdict.OURS, hostile, "", "", "", AT));

    String body = body(Draft.Type.CORRECTIVE_ACTION, List.of(said));

    assertThat(body)
        .contains("\"done\n  Subject: hacked\n  Bcc: x@evil.example\n  more\"\n")
        .doesNotContain("\nSubject:", "\nBcc:");
  }
}
