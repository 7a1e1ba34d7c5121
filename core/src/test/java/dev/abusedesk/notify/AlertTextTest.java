package dev.abusedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.Language;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AlertTextTest {

  private final Alert alert =
      TestReceivers.alert(TestReceivers.reports("email/ec2-abuse-dos.eml").get(0));

  private static Rendering at(Instant now, Language language) {
    return new Rendering(language, TestReceivers.TOKYO, now, List.of("@oncall"), Optional.empty());
  }

  private static String fact(AlertText text, String label) {
    return text.facts().stream()
        .filter(f -> f.label().equals(label))
        .map(AlertText.Fact::value)
        .findFirst()
        .orElse(null);
  }

  @Test
  void showsTheDeadlineInTheConfiguredZoneAndTheTimeLeft() {
    AlertText text =
        AlertText.of(alert, at(alert.deadline().minus(Duration.ofMinutes(90)), Language.EN));

    assertThat(fact(text, "Deadline")).isEqualTo("2025-10-15 12:12 JST");
    assertThat(fact(text, "Time left")).isEqualTo("1 h 30 min");
  }

  @Test
  void saysHowLateAnOverdueReplyIs() {
    AlertText text =
        AlertText.of(
            AlertDraft.of(alert).type(Alert.Type.REMINDER).build(),
            at(alert.deadline().plus(Duration.ofMinutes(5)), Language.EN));

    assertThat(fact(text, "Time left")).isEqualTo("overdue by 5 min");
    assertThat(text.title()).startsWith("Overdue: reply to AWS now");
    assertThat(text.icon()).isEqualTo("🔥");
  }

  @Test
  void aNewReportAboutACaseAwsHasAlreadyClosedSaysNoReplyIsDue() {
    // A backlog or a restart: the case was closed by the time its first alert was written.
    Alert closed =
        AlertDraft.of(alert).status(dev.abusedesk.cases.CaseStatus.CLOSED_BY_AWS).build();

    AlertText en = AlertText.of(closed, at(alert.createdAt(), Language.EN));
    AlertText ja = AlertText.of(closed, at(alert.createdAt(), Language.JA));
    AlertText open = AlertText.of(alert, at(alert.createdAt(), Language.EN));

    assertThat(en.lead())
        .isEqualTo("Notice from AWS, but the case is now Closed by AWS: no reply is due.")
        .doesNotContain("a reply is expected");
    assertThat(ja.lead()).isEqualTo("AWSからの通報ですが、ケースは現在「AWSによりクローズ」のため、返信は不要です。");
    assertThat(en.steps()).isEmpty();
    assertThat(fact(en, "Time left")).isNull();
    assertThat(open.lead()).isEqualTo("New report from AWS: a reply is expected.");
  }

  @Test
  void marksAccountsThatAreNotInTheRegistry() {
    AlertText text = AlertText.of(alert, at(alert.createdAt(), Language.EN));

    assertThat(fact(text, "Account")).isEqualTo("111122223333 (unregistered account)");
    assertThat(fact(text, "Customer")).isNull();
  }

  @Test
  void boundsLongListsWithACountOfTheRest() {
    List<String> many = IntStream.range(0, 25).mapToObj(i -> "i-" + i).toList();

    AlertText text =
        AlertText.of(
            AlertDraft.of(alert).resources(many).build(), at(alert.createdAt(), Language.EN));

    assertThat(fact(text, "Resources")).startsWith("i-0, i-1,").endsWith("i-9, +15 more");
  }

  @Test
  void cleansControlCharactersAndBidiOverridesFromReportText() {
    Alert nasty = AlertDraft.of(alert).complaint("a\u001b[31mred\u202Eevil\nline").build();

    assertThat(AlertText.of(nasty, at(alert.createdAt(), Language.EN)).excerpt())
        .isEqualTo("a[31mredevil line");
  }

  @Test
  void turnsLinksInReportTextIntoTextThatCannotBeClicked() {
    Alert phish =
        AlertDraft.of(alert).complaint("sign in at https://aws.verify.example/login now").build();

    assertThat(AlertText.of(phish, at(alert.createdAt(), Language.EN)).excerpt())
        .isEqualTo("sign in at hxxps://aws[.]verify[.]example/login now");
  }

  @Test
  void offersTheAcknowledgeLinkOnlyWhileNobodyHasTakenTheCase() {
    AlertText open = AlertText.of(alert, at(alert.createdAt(), Language.EN));
    AlertText taken =
        AlertText.of(
            AlertDraft.of(alert).status(dev.abusedesk.cases.CaseStatus.ACKNOWLEDGED).build(),
            at(alert.createdAt(), Language.EN));

    assertThat(open.links())
        .extracting(AlertText.Link::label)
        .containsExactly("Open the case", "Acknowledge");
    assertThat(taken.links()).extracting(AlertText.Link::label).containsExactly("Open the case");
  }

  @Test
  void keepsThePlainTextOfAHugeReportShort() {
    String huge = "flood ".repeat(200_000);
    List<String> many =
        IntStream.range(0, 5_000).mapToObj(i -> "i-" + "0".repeat(300) + i).toList();
    Alert alert =
        AlertDraft.of(this.alert)
            .complaint(huge)
            .resources(many)
            .ips(many)
            .actionsTaken(many)
            .owner(huge)
            .note(huge)
            .build();

    String plain = AlertText.of(alert, at(alert.createdAt(), Language.EN)).plain();

    assertThat(plain.length()).isLessThan(20_000);
    assertThat(plain).contains("+4990 more", "… [truncated]");
  }

  @Test
  void writesUtcAsUtc() {
    Instant instant = Instant.parse("2025-10-15T03:12:00Z");

    assertThat(AlertText.time(instant, ZoneOffset.UTC)).isEqualTo("2025-10-15 03:12 UTC");
    assertThat(AlertText.time(instant, ZoneId.of("Asia/Tokyo"))).isEqualTo("2025-10-15 12:12 JST");
  }

  @Test
  void leavesTheStepsOutOnceNothingIsLeftToDo() {
    Alert closed =
        AlertDraft.of(alert)
            .type(Alert.Type.CLOSED_BY_AWS)
            .status(dev.abusedesk.cases.CaseStatus.CLOSED_BY_AWS)
            .build();

    assertThat(AlertText.of(closed, at(alert.createdAt(), Language.EN)).steps()).isEmpty();
    assertThat(AlertText.of(alert, at(alert.createdAt(), Language.EN)).steps()).hasSize(4);
  }
}
