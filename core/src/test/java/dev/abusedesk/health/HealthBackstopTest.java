package dev.abusedesk.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseQuery;
import dev.abusedesk.cases.Database;
import dev.abusedesk.cases.Recorder;
import dev.abusedesk.cases.SqlCaseStore;
import dev.abusedesk.cases.SqlOutbox;
import dev.abusedesk.cases.StoredReport;
import dev.abusedesk.report.ReportParser;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.HealthApiStub;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class HealthBackstopTest {

  private static final Instant NOW = Instant.parse("2025-10-14T04:00:00Z");
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));

  @TempDir Path dir;
  private SqlCaseStore store;
  private SqlOutbox outbox;
  private Recorder recorder;
  private HealthApiStub active;
  private HealthApiStub passive;
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void open() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    store = SqlCaseStore.open(Database.sqlite(dir.resolve("cases.db")), clock);
    outbox = new SqlOutbox(store.database());
    recorder = new Recorder(FileSpool.open(dir, clock), store, new ReportParser());
    active = HealthApiStub.start();
    passive = HealthApiStub.start();
  }

  @AfterEach
  void close() {
    active.close();
    passive.close();
    store.close();
  }

  /** us-east-1 is active (as DNS says), us-east-2 the passive one. */
  private HealthEndpoints endpoints() {
    return HealthEndpoints.of(
        host -> Optional.of("health.us-east-1.amazonaws.com."),
        region -> region.equals("us-east-1") ? active.uri() : passive.uri());
  }

  private HealthBackstop backstop(boolean organizationView, String owner) {
    return new HealthBackstop(
        new HealthBackstop.Settings(organizationView, Duration.ofMinutes(5), Optional.empty()),
        endpoints(),
        CREDENTIALS,
        recorder,
        outbox,
        Clock.fixed(NOW, ZoneOffset.UTC),
        owner,
        waits::add);
  }

  private static HealthApiStub.Event event(
      String id, String service, String code, Instant updated, Map<String, List<String>> entities) {
    return new HealthApiStub.Event(
        "arn:aws:health:us-east-1::event/" + service + "/" + code + "/" + code + "_" + id,
        service,
        code,
        "us-east-1",
        updated.minusSeconds(60),
        updated,
        "open",
        "We have received a report that your AWS resources were implicated in " + id + ".",
        entities);
  }

  private void serveSixEventsOnBoth() {
    Instant t = NOW.minus(Duration.ofHours(2));
    List<HealthApiStub.Event> events =
        List.of(
            event(
                "a1",
                "ABUSE",
                "AWS_ABUSE_DOS_REPORT",
                t,
                Map.of("111122223333", List.of("i-0aaaa00000000001"))),
            event(
                "a2",
                "ABUSE",
                "AWS_ABUSE_EC2_EMAIL_SPAM_REPORT",
                t.plusSeconds(10),
                Map.of(
                    "111122223333",
                        List.of("i-0aaaa00000000002", "i-0aaaa00000000003", "i-0aaaa00000000004"),
                    "222233334444", List.of("i-0bbbb00000000001"))),
            event(
                "a3",
                "ABUSE",
                "AWS_ABUSE_PORT_SCANNING_REPORT",
                t.plusSeconds(20),
                Map.of("222233334444", List.of("i-0bbbb00000000002"))),
            event(
                "r1",
                "RISK",
                "AWS_RISK_CREDENTIALS_EXPOSED",
                t.plusSeconds(30),
                Map.of("333344445555", List.of("AKIAIOSFODNN7EXAMPLE"))),
            event(
                "a4",
                "ABUSE",
                "AWS_ABUSE_DOS_REPORT",
                t.plusSeconds(40),
                Map.of("333344445555", List.of("i-0cccc00000000001"))));
    events.forEach(active::add);
    events.forEach(passive::add);
  }

  @Test
  void aSimulatedThrottledFailingOverHealthApiStillYieldsEveryEventExactlyOnce() {
    serveSixEventsOnBoth();
    active.down(true);
    passive.throttleEvery(3).pageSize(2);

    Poll first = backstop(true, "one").pollOnce();
    Poll again = backstop(true, "one").backfill(Duration.ofDays(1), HealthBackstop.Progress.NONE);

    assertThat(first).isInstanceOf(Poll.Polled.class);
    Poll.Polled polled = (Poll.Polled) first;
    assertThat(polled.events()).isEqualTo(6); // a2 affects two accounts
    assertThat(polled.recorded()).isEqualTo(6);
    assertThat(polled.throttled()).isPositive();
    assertThat(waits).hasSize(polled.throttled() + ((Poll.Polled) again).throttled());
    assertThat(active.operations()).isNotEmpty();
    assertThat(passive.operations())
        .contains(
            "DescribeEventsForOrganization",
            "DescribeAffectedAccountsForOrganization",
            "DescribeEventDetailsForOrganization",
            "DescribeAffectedEntitiesForOrganization");
    assertThat(((Poll.Polled) again).recorded()).isZero();

    List<Case> cases = store.list(CaseQuery.all());
    List<StoredReport> reports =
        cases.stream().flatMap(c -> store.reports(c.id()).stream()).toList();
    assertThat(reports).hasSize(6);
    assertThat(cases).hasSize(6);
    assertThat(cases.stream().flatMap(c -> c.accounts().stream()).toList())
        .containsExactlyInAnyOrder(
            "111122223333",
            "111122223333",
            "222233334444",
            "222233334444",
            "333344445555",
            "333344445555");
    assertThat(cases.stream().flatMap(c -> c.resources().stream()).toList())
        .contains(
            "i-0aaaa00000000002", "i-0aaaa00000000003", "i-0aaaa00000000004", "i-0bbbb00000000001");
  }

  @Test
  void readsTheAccountViewWithoutTheOrganizationCalls() {
    serveSixEventsOnBoth();
    passive.down(true);

    Poll poll = backstop(false, "one").pollOnce();

    assertThat(poll).isInstanceOf(Poll.Polled.class);
    assertThat(((Poll.Polled) poll).events()).isEqualTo(5);
    assertThat(active.operations())
        .contains("DescribeEvents", "DescribeEventDetails", "DescribeAffectedEntities")
        .noneMatch(o -> o.endsWith("ForOrganization"));
    assertThat(passive.operations()).isEmpty();
    assertThat(store.list(CaseQuery.all())).hasSize(5);
  }

  @Test
  void anEventSeenThroughEventBridgeAndThroughTheApiIsOneReport() {
    recorder.record(Fixtures.bytes("health/abuse-dos.json"), "sqs:m-1", "sqs", NOW);
    active.add(
        new HealthApiStub.Event(
            "arn:aws:health:ap-northeast-1::event/ABUSE/AWS_ABUSE_DOS_REPORT/AWS_ABUSE_DOS_REPORT_3c1f9a2b",
            "ABUSE",
            "AWS_ABUSE_DOS_REPORT",
            "ap-northeast-1",
            Instant.parse("2025-10-14T03:12:40Z"),
            // The API answers with fractions of a second; EventBridge writes whole seconds.
            Instant.parse("2025-10-14T03:12:40.250Z"),
            "open",
            "Denial of Service (DOS) attack has been reported. Abuse case number: 20816735.",
            Map.of(
                "111122223333",
                List.of("arn:aws:ec2:ap-northeast-1:111122223333:instance/i-0a1b2c3d4e5f60718"))));

    Poll poll = backstop(true, "one").pollOnce();

    assertThat(((Poll.Polled) poll).events()).isEqualTo(1);
    assertThat(((Poll.Polled) poll).recorded()).isZero();
    List<Case> cases = store.list(CaseQuery.all());
    assertThat(cases).hasSize(1);
    assertThat(cases.get(0).reports()).isEqualTo(1);
  }

  @Test
  void saysClearlyWhenTheSupportPlanDoesNotIncludeTheApi() {
    active.unsubscribed(true);

    Poll poll = backstop(false, "one").pollOnce();

    assertThat(poll)
        .isEqualTo(
            new Poll.NotSubscribed(
                "the AWS Health API needs a Business, Enterprise On-Ramp or Enterprise support plan"));
    assertThat(passive.operations()).isEmpty();
  }

  @Test
  void pollsOncePerIntervalAcrossInstances() {
    serveSixEventsOnBoth();

    Poll first = backstop(true, "one").pollOnce();
    Poll sameOwnerTooSoon = backstop(true, "one").pollOnce();
    Poll otherInstance = backstop(true, "two").pollOnce();

    assertThat(first).isInstanceOf(Poll.Polled.class);
    assertThat(sameOwnerTooSoon).isInstanceOf(Poll.NotDue.class);
    assertThat(otherInstance).isInstanceOf(Poll.NotDue.class);
    assertThat(outbox.cursor(HealthBackstop.CURSOR))
        .contains(NOW.minus(Duration.ofHours(2)).plusSeconds(40).toString());
  }

  @Test
  void reportsProgressWhileBackfilling() {
    serveSixEventsOnBoth();
    List<String> seen = new ArrayList<>();

    backstop(false, "one")
        .backfill(Duration.ofDays(90), (done, total) -> seen.add(done + "/" + total));

    assertThat(seen).containsExactly("0/5", "5/5");
  }

  @Test
  void findsTheActiveRegionInTheGlobalEndpointsCname() {
    assertThat(HealthEndpoints.regionOf("health.us-east-2.amazonaws.com.")).contains("us-east-2");
    assertThat(HealthEndpoints.regionOf("example.com")).isEmpty();
    HealthEndpoints endpoints =
        HealthEndpoints.of(
            host -> Optional.of("health.us-east-2.amazonaws.com"),
            region -> java.net.URI.create("https://health." + region + ".amazonaws.com"));

    assertThat(endpoints.inOrder())
        .extracting(HealthEndpoints.Endpoint::region)
        .containsExactly("us-east-2", "us-east-1");
  }
}
