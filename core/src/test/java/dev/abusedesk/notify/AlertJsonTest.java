package dev.abusedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.config.Account;
import dev.abusedesk.report.Parsed;
import dev.abusedesk.report.Report;
import dev.abusedesk.route.AccountRegistry;
import dev.abusedesk.testing.Fixtures;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The outbox keeps alerts as {@link AlertJson} and renders them at send time, one by one or folded
 * into digests: what it reads back is the alert that was queued, for every fixture and every type.
 */
class AlertJsonTest {

  /** A clock's instant, with the milliseconds a real one has. */
  private static final Instant NOW = Instant.parse("2025-11-10T09:30:15.123Z");

  private static final URI DESK = URI.create("https://desk.example.jp");

  static Stream<String> fixtures() {
    return Fixtures.reports().stream();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void readsBackTheAlertOfEveryReportAsQueuedForEveryType(String fixture) {
    for (Alert alert : alerts(fixture)) {
      assertThat(AlertJson.read(AlertJson.write(alert)))
          .as("%s %s", fixture, alert.type())
          .isEqualTo(alert);
    }
  }

  @Test
  void readsBackEveryDigestsAlertsAsQueued() {
    List<Alert> folded =
        fixtures()
            .flatMap(f -> alerts(f).stream())
            .filter(a -> Digest.TYPES.contains(a.type()))
            .toList();
    assertThat(folded).extracting(Alert::type).contains(Alert.Type.NEW_CASE, Alert.Type.REMINDER);

    for (Alert.Type type : Alert.Type.values()) {
      List<Alert> ofType = folded.stream().filter(a -> a.type() == type).toList();
      for (int from = 0; from < ofType.size(); from += Digest.MAX_CASES) {
        List<Alert> page = ofType.subList(from, Math.min(ofType.size(), from + Digest.MAX_CASES));
        List<Alert> stored = page.stream().map(AlertJson::write).map(AlertJson::read).toList();
        assertThat(new Digest(type, stored, 1, 1)).isEqualTo(new Digest(type, page, 1, 1));
      }
    }
  }

  @Test
  void theAlertsCoverEveryTypeAndEveryOptionalField() {
    List<Alert> all = fixtures().flatMap(f -> alerts(f).stream()).toList();

    assertThat(all).extracting(Alert::type).contains(Alert.Type.values());
    assertThat(all).anySatisfy(a -> assertThat(a.owner()).isPresent());
    assertThat(all).anySatisfy(a -> assertThat(a.actor()).isPresent());
    assertThat(all).anySatisfy(a -> assertThat(a.ackLink()).isPresent());
    assertThat(all).anySatisfy(a -> assertThat(a.caseLink()).isPresent());
    assertThat(all).anySatisfy(a -> assertThat(a.deadline()).isNotNull());
    assertThat(all).anySatisfy(a -> assertThat(a.deadline()).isNull());
    assertThat(all).anySatisfy(a -> assertThat(a.complaintExcerpt()).isNotEmpty());
    assertThat(all).anySatisfy(a -> assertThat(a.actionsTaken()).isNotEmpty());
    assertThat(all)
        .flatExtracting(Alert::accounts)
        .anySatisfy(line -> assertThat(line.registered()).isTrue())
        .anySatisfy(line -> assertThat(line.registered()).isFalse());
  }

  /**
   * Every alert a fixture's reports make: alone, as {@code render} shows them, and from a case, as
   * the dispatcher queues them (an open case with an ack link, an owned one changed by a person).
   */
  private static List<Alert> alerts(String fixture) {
    List<Alert> alerts = new ArrayList<>();
    long caseId = 40;
    for (Report report : abuse(fixture)) {
      caseId++;
      List<Account> registry =
          report.accounts().isEmpty()
              ? List.of()
              : List.of(
                  new Account(
                      report.accounts().get(0),
                      Optional.of("shop-prod"),
                      Optional.of("Example Shop K.K."),
                      Map.of()));
      Alerts fromCases = new Alerts(new AccountRegistry(registry), links());
      for (Alert.Type type : Alert.Type.values()) {
        alerts.add(ReportAlert.of(report, type, caseId, registry, Optional.of(DESK), NOW));
        alerts.add(
            fromCases.forReport(type, caseOf(report, caseId, CaseStatus.OPEN, null), report, NOW));
        alerts.add(
            fromCases.about(
                type,
                caseOf(report, caseId, CaseStatus.ACKNOWLEDGED, "hanako"),
                report,
                Optional.of("taro"),
                "took over while Hanako is away",
                NOW));
      }
    }
    return alerts;
  }

  private static List<Report> abuse(String fixture) {
    return Fixtures.parser().parse(Fixtures.bytes(fixture), NOW) instanceof Parsed.Read read
        ? read.reports().stream().filter(Report::isAbuse).toList()
        : List.of();
  }

  private static Case caseOf(Report report, long id, CaseStatus status, String owner) {
    return new Case(
        id,
        status,
        report.category(),
        report.accounts(),
        report.regions(),
        report.resources(),
        report.ips(),
        report.awsCaseNumbers(),
        1,
        NOW,
        report.receivedAt(),
        NOW,
        report.receivedAt().plus(Duration.ofHours(24)),
        owner,
        owner == null ? null : NOW,
        null);
  }

  private static Alerts.Links links() {
    return new Alerts.Links() {
      @Override
      public Optional<URI> caseLink(long caseId) {
        return Optional.of(DESK.resolve("/cases/" + caseId));
      }

      @Override
      public Optional<URI> ackLink(long caseId) {
        return Optional.of(DESK.resolve("/ack/" + caseId + "?sig=AbC-123_x"));
      }
    };
  }
}
