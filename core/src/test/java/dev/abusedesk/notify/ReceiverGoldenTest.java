package dev.abusedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.cases.CustomerAnswer;
import dev.abusedesk.config.Language;
import dev.abusedesk.report.Report;
import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.Golden;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture rendered for every receiver kind, some in Japanese, and every message type for one
 * fixture: the exact requests, as reviewed golden files under {@code golden/<receiver>/}.
 */
class ReceiverGoldenTest {

  /** The Slack thread of earlier messages, for the bot's follow-ups. */
  static final String THREAD = "1760918400.000100";

  static final List<String> JAPANESE =
      List.of(
          "email/ec2-abuse-dos.eml",
          "email/spoofed-dkim-fail.eml",
          "health/risk-credentials-exposed.json");

  static Stream<Arguments> everyFixtureForEveryReceiver() {
    List<Arguments> all = new ArrayList<>();
    for (String receiver : TestReceivers.all().keySet()) {
      for (String fixture : Fixtures.reports()) {
        all.add(Arguments.of(receiver, fixture));
      }
    }
    return all.stream();
  }

  static Stream<Arguments> someFixturesInJapanese() {
    return TestReceivers.all().keySet().stream()
        .flatMap(receiver -> JAPANESE.stream().map(fixture -> Arguments.of(receiver, fixture)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyFixtureForEveryReceiver")
  void rendersEveryFixtureAsItsGoldenFile(String receiver, String fixture) {
    assertGolden(receiver, fixture, receiver + "/" + name(fixture), Language.EN);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("someFixturesInJapanese")
  void rendersJapaneseAsItsGoldenFile(String receiver, String fixture) {
    assertGolden(receiver, fixture, receiver + "/ja/" + name(fixture), Language.JA);
  }

  private static void assertGolden(
      String receiver, String fixture, String golden, Language language) {
    List<Report> reports = TestReceivers.reports(fixture);
    TestReceivers.Setup setup = TestReceivers.all().get(receiver);
    StringBuilder out = new StringBuilder();
    for (Report report : reports) {
      Alert alert = TestReceivers.alert(report);
      Optional<String> thread =
          alert.type() == Alert.Type.NEW_CASE ? Optional.empty() : Optional.of(THREAD);
      Rendering rendering =
          TestReceivers.rendering(setup, language, TestReceivers.sentAt(report), thread);
      out.append(GoldenRequest.of(Notifiers.forKind(setup.kind()).render(alert, rendering)));
    }
    if (reports.isEmpty()) {
      out.append("(not an abuse report: no message)\n");
    }
    Golden.assertMatches(golden + extension(receiver), out.toString());
  }

  /** The message types beyond the first alert, told about the DoS fixture. */
  static Map<String, Variant> variants() {
    Alert base = TestReceivers.alert(TestReceivers.reports("email/ec2-abuse-dos.eml").get(0));
    Instant deadline = base.deadline();
    return Map.of(
        "reminder",
        new Variant(deadline.minus(Duration.ofHours(2)), d -> d.type(Alert.Type.REMINDER)),
        "reminder-overdue",
        new Variant(
            deadline.plus(Duration.ofMinutes(65)),
            d -> d.type(Alert.Type.REMINDER).status(CaseStatus.ACKNOWLEDGED).owner("alice")),
        "escalation",
        new Variant(deadline.minus(Duration.ofHours(4)), d -> d.type(Alert.Type.ESCALATION)),
        "status-acknowledged",
        new Variant(
            deadline.minus(Duration.ofHours(20)),
            d ->
                d.type(Alert.Type.STATUS)
                    .status(CaseStatus.ACKNOWLEDGED)
                    .owner("alice")
                    .actor("alice")),
        "status-replied",
        new Variant(
            deadline.minus(Duration.ofHours(18)),
            d ->
                d.type(Alert.Type.STATUS)
                    .status(CaseStatus.REPLIED)
                    .owner("alice")
                    .actor("bob")
                    .note("Replied to AWS: the instance is stopped and under investigation.")),
        "closed-by-aws",
        new Variant(
            deadline.plus(Duration.ofDays(2)),
            d -> d.type(Alert.Type.CLOSED_BY_AWS).status(CaseStatus.CLOSED_BY_AWS).owner("alice")),
        "test",
        new Variant(base.createdAt(), d -> d.type(Alert.Type.TEST)),
        "closed-unverified",
        new Variant(deadline.minus(Duration.ofHours(3)), d -> d.type(Alert.Type.CLOSED_UNVERIFIED)),
        "customer-answered",
        new Variant(
            deadline.minus(Duration.ofHours(10)),
            d -> d.customer(Alert.Type.CUSTOMER_ANSWERED, answered(deadline))),
        "customer-late",
        new Variant(
            deadline.minus(Duration.ofHours(7)),
            d -> d.customer(Alert.Type.CUSTOMER_LATE, late(deadline))));
  }

  static Alert.CustomerWord answered(Instant caseDeadline) {
    return new Alert.CustomerWord(
        "Ann Tanaka",
        "111122223333",
        Optional.of(CustomerAnswer.Verdict.NOT_OURS),
        "Stopped the instance i-0a1b2c3d4e5f60718\nand removed the cron job <!channel>",
        "Rotated the SSH keys; see https://evil.example/x *now*",
        "",
        caseDeadline.minus(Duration.ofHours(8)));
  }

  static Alert.CustomerWord late(Instant caseDeadline) {
    return new Alert.CustomerWord(
        "ops@acme.example",
        "111122223333",
        Optional.empty(),
        "",
        "",
        "",
        caseDeadline.minus(Duration.ofHours(8)));
  }

  static Stream<Arguments> everyCustomerTypeInJapanese() {
    List<Arguments> all = new ArrayList<>();
    for (String receiver : TestReceivers.all().keySet()) {
      for (String variant : List.of("customer-answered", "customer-late")) {
        all.add(Arguments.of(receiver, variant));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyCustomerTypeInJapanese")
  void rendersTheCustomerTypesInJapaneseAsTheirGoldenFiles(String receiver, String variant) {
    Alert base = TestReceivers.alert(TestReceivers.reports("email/ec2-abuse-dos.eml").get(0));
    Variant v = variants().get(variant);
    Alert alert = v.change().apply(AlertDraft.of(base)).build();
    TestReceivers.Setup setup = TestReceivers.all().get(receiver);
    Outgoing outgoing =
        Notifiers.forKind(setup.kind())
            .render(
                alert, TestReceivers.rendering(setup, Language.JA, v.now(), Optional.of(THREAD)));
    Golden.assertMatches(
        receiver + "/ja/types/" + variant + extension(receiver), GoldenRequest.of(outgoing));
  }

  record Variant(Instant now, UnaryOperator<AlertDraft> change) {}

  static Stream<Arguments> everyTypeForEveryReceiver() {
    List<Arguments> all = new ArrayList<>();
    for (String receiver : TestReceivers.all().keySet()) {
      for (String variant : variants().keySet()) {
        all.add(Arguments.of(receiver, variant));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyTypeForEveryReceiver")
  void rendersEveryMessageTypeAsItsGoldenFile(String receiver, String variant) {
    Alert base = TestReceivers.alert(TestReceivers.reports("email/ec2-abuse-dos.eml").get(0));
    Variant v = variants().get(variant);
    Alert alert = v.change().apply(AlertDraft.of(base)).build();
    TestReceivers.Setup setup = TestReceivers.all().get(receiver);
    Optional<String> thread =
        alert.type() == Alert.Type.TEST ? Optional.empty() : Optional.of(THREAD);
    Outgoing outgoing =
        Notifiers.forKind(setup.kind())
            .render(alert, TestReceivers.rendering(setup, Language.EN, v.now(), thread));
    Golden.assertMatches(
        receiver + "/types/" + variant + extension(receiver), GoldenRequest.of(outgoing));
  }

  static Stream<Arguments> everyDigestForEveryReceiver() {
    List<Arguments> all = new ArrayList<>();
    for (String receiver : TestReceivers.all().keySet()) {
      for (Alert.Type type : List.of(Alert.Type.NEW_CASE, Alert.Type.REMINDER)) {
        for (Language language : Language.values()) {
          all.add(Arguments.of(receiver, type, language));
        }
      }
    }
    return all.stream();
  }

  /**
   * A digest of three cases, one of them from a mail that failed DKIM, as the second page of two:
   * the tools people read list every case; a webhook and PagerDuty take no digests.
   */
  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("everyDigestForEveryReceiver")
  void rendersDigestsAsTheirGoldenFiles(String receiver, Alert.Type type, Language language) {
    List<Alert> alerts = new ArrayList<>();
    long caseId = 101;
    for (String fixture :
        List.of(
            "email/ec2-abuse-dos.eml", "email/ts-port-scan.eml", "email/spoofed-dkim-fail.eml")) {
      Alert alert = TestReceivers.alert(TestReceivers.reports(fixture).get(0));
      alerts.add(AlertDraft.of(alert).caseId(caseId++).type(type).build());
    }
    Instant now = alerts.get(0).deadline().minus(Duration.ofHours(3));
    TestReceivers.Setup setup = TestReceivers.all().get(receiver);
    Optional<Notifier.Digests> digests = Notifiers.forKind(setup.kind()).digests();
    String rendered =
        digests
            .map(
                d ->
                    GoldenRequest.of(
                        d.render(
                            DigestText.of(
                                new Digest(type, alerts, 2, 2),
                                TestReceivers.rendering(setup, language, now, Optional.empty())),
                            TestReceivers.rendering(setup, language, now, Optional.empty()))))
            .orElse("(takes no digests: one message per case, paced)\n");
    String lang = language == Language.JA ? "ja/" : "";
    Golden.assertMatches(
        receiver + "/digest/" + lang + type.wire() + extension(receiver), rendered);
    assertThat(digests.isPresent())
        .as(receiver)
        .isEqualTo(!receiver.equals("webhook") && !receiver.equals("pagerduty"));
  }

  @Test
  void rewritesTheFirstSlackMessageWithTheCurrentStatus() {
    Alert base = TestReceivers.alert(TestReceivers.reports("email/ec2-abuse-dos.eml").get(0));
    Alert replied =
        AlertDraft.of(base)
            .type(Alert.Type.STATUS)
            .status(CaseStatus.REPLIED)
            .owner("alice")
            .actor("bob")
            .build();
    TestReceivers.Setup setup = TestReceivers.all().get("slack-bot");
    Notifier notifier = Notifiers.forKind(setup.kind());

    Optional<Outgoing> update =
        notifier.renderFirstMessageUpdate(
            replied,
            TestReceivers.rendering(setup, Language.EN, base.createdAt(), Optional.of(THREAD)));
    Optional<Outgoing> withoutThread =
        notifier.renderFirstMessageUpdate(
            replied,
            TestReceivers.rendering(setup, Language.EN, base.createdAt(), Optional.empty()));

    assertThat(withoutThread).isEmpty();
    assertThat(update).isPresent();
    Golden.assertMatches(
        "slack-bot/types/first-message-update.json", GoldenRequest.of(update.get()));
  }

  @Test
  void noOtherKindRewritesItsFirstMessage() {
    TestReceivers.all()
        .forEach(
            (name, setup) -> {
              if (!name.equals("slack-bot")) {
                Alert alert =
                    TestReceivers.alert(TestReceivers.reports("email/ec2-abuse-dos.eml").get(0));
                assertThat(
                        Notifiers.forKind(setup.kind())
                            .renderFirstMessageUpdate(
                                alert,
                                TestReceivers.rendering(
                                    setup, Language.EN, TestReceivers.NOW, Optional.of(THREAD))))
                    .as(name)
                    .isEmpty();
              }
            });
  }

  private static String extension(String receiver) {
    return receiver.equals("email") || receiver.equals("console") ? ".txt" : ".json";
  }

  private static String name(String fixture) {
    return fixture.substring(0, fixture.lastIndexOf('.'));
  }
}
