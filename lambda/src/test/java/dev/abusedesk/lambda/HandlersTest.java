package dev.abusedesk.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseQuery;
import dev.abusedesk.cases.Database;
import dev.abusedesk.cases.Outbox;
import dev.abusedesk.cases.SqlCaseStore;
import dev.abusedesk.config.Config;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.pipeline.Pipeline;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.spool.Spooled;
import dev.abusedesk.testing.EmbeddedPostgres;
import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.HealthApiStub;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every function, run on real-shaped events against a real PostgreSQL and loopback S3, WorkMail and
 * Health API servers, through the real AWS SDK.
 */
class HandlersTest {

  private static final Instant NOW = Instant.parse("2025-10-14T04:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String BUCKET = "abusedesk-mail-123456789012";

  /** The Health fixtures as the queue would carry them (the SNS copy is a re-delivery). */
  private static final List<String> QUEUED =
      List.of(
          "health/abuse-dos.json",
          "health/abuse-dos-sns-envelope.json",
          "health/abuse-org-view.json",
          "health/abuse-copyright-global.json",
          "health/abuse-dos-paged-1-of-2.json",
          "health/ec2-maintenance.json",
          "health/abuse-dos-closed.json");

  @TempDir Path dir;
  private MailStubs stubs;
  private HealthApiStub healthApi;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private Desk desk;
  private String url;

  @BeforeEach
  void open() {
    stubs = new MailStubs();
    healthApi = HealthApiStub.start();
    url = EmbeddedPostgres.freshDatabase();
    desk = Desk.open(env(url), CLOCK, new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void close() {
    desk.close();
    stubs.close();
    healthApi.close();
  }

  private String config(String databaseUrl) {
    return "storage:\n"
        + "  url: "
        + databaseUrl
        + "\n  username: postgres\n"
        + "health_api:\n"
        + "  enabled: true\n"
        + "  organization_view: true\n"
        + "  endpoint: "
        + healthApi.uri()
        + "\n"
        + Fixtures.TRUST_FIXTURE_MTA;
  }

  private Map<String, String> env(String databaseUrl) {
    Map<String, String> env = new HashMap<>();
    env.put(Desk.CONFIG, config(databaseUrl));
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
    env.put("AWS_SECRET_ACCESS_KEY", "secret");
    env.put(Desk.S3_ENDPOINT, stubs.s3.uri().toString());
    env.put(Desk.WORKMAIL_ENDPOINT, stubs.messageFlow.uri().toString());
    env.put(Desk.MAIL_BUCKET, BUCKET);
    env.put(Desk.MAIL_PREFIX, "inbound/");
    env.put("ABUSEDESK_DATA", dir.toString());
    return env;
  }

  private static String text(String fixture) {
    return new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8);
  }

  @Test
  void theFunctionsMakeTheSameCasesAndAlertsAsIngest() {
    List<byte[]> ingested = new ArrayList<>();
    // EventBridge -> SQS -> Lambda: one batch.
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < QUEUED.size(); i++) {
      ids.add("msg-" + i);
      ingested.add(Fixtures.bytes(QUEUED.get(i)));
    }
    JsonNode sqs =
        Events.invoke(
            new SqsHandler(desk),
            Events.sqsBatch(ids, QUEUED.stream().map(HandlersTest::text).toList()),
            CLOCK);
    // EventBridge -> Lambda.
    Events.invoke(
        new HealthEventHandler(desk),
        Fixtures.bytes("health/risk-credentials-exposed.json"),
        CLOCK);
    ingested.add(Fixtures.bytes("health/risk-credentials-exposed.json"));
    // SES receipt rule: S3 action, then Lambda action.
    stubs.objects.put(
        BUCKET + "/inbound/o3vrnil0e2ic28trm7dfhrc2v0cl2jk4nbp0g101",
        Fixtures.bytes("email/ec2-abuse-dos.eml"));
    JsonNode ses =
        Events.invoke(new SesHandler(desk), Events.bytes("ses-lambda-action.json"), CLOCK);
    ingested.add(Fixtures.bytes("email/ec2-abuse-dos.eml"));
    // The bucket's event notification, with a key S3 URL-encodes.
    stubs.objects.put(BUCKET + "/inbound/ts port scan+1", Fixtures.bytes("email/ts-port-scan.eml"));
    Events.invoke(new SesHandler(desk), Events.bytes("s3-object-created.json"), CLOCK);
    ingested.add(Fixtures.bytes("email/ts-port-scan.eml"));
    // WorkMail email flow rule.
    stubs.workMail.put(
        "6d8f2f8e-77e1-4e2f-a8d5-4b0fd2e0d2e1", Fixtures.bytes("email/ts-reminder.eml"));
    JsonNode workMail =
        Events.invoke(new WorkMailHandler(desk), Events.bytes("workmail-email-flow.json"), CLOCK);
    ingested.add(Fixtures.bytes("email/ts-reminder.eml"));

    assertThat(sqs.path("batchItemFailures")).isEmpty();
    assertThat(ses.path("disposition").asText()).isEqualTo("CONTINUE");
    assertThat(workMail.toString())
        .isEqualTo("{\"actions\":[{\"allRecipients\":true,\"action\":{\"type\":\"DEFAULT\"}}]}");

    try (SqlCaseStore ingestStore = ingest(ingested)) {
      List<Case> viaIngest = ingestStore.list(CaseQuery.all());
      List<Case> viaLambda = desk.store().list(CaseQuery.all());
      // DoS (Health, its closing and the mail joined), spam, copyright, paged DoS, exposed key,
      // and the port scan with its reminder.
      assertThat(viaLambda).hasSize(6).isEqualTo(viaIngest);
      assertThat(alerts(desk.pipeline().outbox()))
          .isNotEmpty()
          .isEqualTo(alerts(new dev.abusedesk.cases.SqlOutbox(ingestStore.database())));
    }
    assertThat(console.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("(case #")))
        .hasSize(alerts(desk.pipeline().outbox()).size());
  }

  /** What `abusedesk ingest` does with each message: spool it, record it; then queue alerts. */
  private SqlCaseStore ingest(List<byte[]> messages) {
    Config config = Desk.config(env(url));
    SqlCaseStore store =
        SqlCaseStore.open(
            Database.postgresql(EmbeddedPostgres.freshDatabase(), "postgres", null), CLOCK);
    FileSpool spool = FileSpool.open(dir.resolve("ingest"), CLOCK);
    Pipeline pipeline =
        new Pipeline(
            config,
            store,
            new dev.abusedesk.cases.SqlOutbox(store.database()),
            spool,
            // Never delivers: this pipeline only records and queues, as the mail pipe does.
            new dev.abusedesk.notify.ReceiverSender(
                () -> {
                  throw new IllegalStateException("ingest sends nothing");
                },
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                CLOCK),
            CLOCK,
            id -> Optional.empty(),
            "ingest",
            Deliverer.Observer.NONE);
    for (byte[] message : messages) {
      Spooled.Accepted accepted = (Spooled.Accepted) spool.put(message, "pipe");
      pipeline.recorder().take(accepted.entry());
    }
    pipeline.queueAlerts();
    return store;
  }

  private static List<String> alerts(Outbox outbox) {
    return outbox.entries(Set.of(Outbox.PENDING, Outbox.SENT, Outbox.FAILED), 1000).stream()
        .map(e -> e.caseId() + " " + e.receiver() + " " + e.dedupKey())
        .sorted()
        .toList();
  }

  @Test
  void aRetriedBatchRecordsNothingTwice() {
    byte[] batch = Events.bytes("sqs-health-batch.json");

    JsonNode first = Events.invoke(new SqsHandler(desk), batch, CLOCK);
    JsonNode retried = Events.invoke(new SqsHandler(desk), batch, CLOCK);

    assertThat(first.path("recorded").get(0).path("reports").get(0).path("outcome").asText())
        .isEqualTo("opened");
    assertThat(retried.path("recorded").get(0).path("reports").get(0).path("outcome").asText())
        .isEqualTo("already_recorded");
    assertThat(desk.store().list(CaseQuery.all()))
        .singleElement()
        .extracting(Case::reports)
        .isEqualTo(1);
  }

  @Test
  void oneBadMessageNeverDropsTheOthers() {
    byte[] batch =
        Events.sqsBatch(
            List.of("good-1", "bad", "good-2"),
            List.of(
                text("health/abuse-dos.json"),
                "{\"not\": \"an event\"",
                text("health/abuse-org-view.json")));

    JsonNode answer = Events.invoke(new SqsHandler(desk), batch, CLOCK);

    assertThat(answer.path("batchItemFailures").toString())
        .isEqualTo("[{\"itemIdentifier\":\"bad\"}]");
    assertThat(desk.store().list(CaseQuery.all())).hasSize(2);
  }

  @Test
  void anEventThatIsNoHealthEventFailsTheInvocationSoLambdaRetriesIt() {
    byte[] event = Events.bytes("scheduled-tick.json");

    assertThatThrownBy(() -> Events.invoke(new HealthEventHandler(desk), event, CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds no report");
    assertThat(desk.store().list(CaseQuery.all())).isEmpty();
  }

  @Test
  void worksOnAfterASnapStartSnapshotAndRestoreAsANewLeaseOwner() {
    String before = desk.owner();

    desk.beforeCheckpoint(null);
    desk.afterRestore(null);
    JsonNode answer =
        Events.invoke(new SqsHandler(desk), Events.bytes("sqs-health-batch.json"), CLOCK);

    assertThat(desk.owner()).isNotEqualTo(before).startsWith("lambda-");
    assertThat(answer.path("batchItemFailures")).isEmpty();
    assertThat(desk.store().list(CaseQuery.all())).hasSize(1);
  }

  @Test
  void workMailAlwaysAnswersTheDefaultActionEvenWhenTheMessageIsGone() {
    JsonNode answer =
        Events.invoke(new WorkMailHandler(desk), Events.bytes("workmail-email-flow.json"), CLOCK);

    assertThat(answer.toString())
        .isEqualTo("{\"actions\":[{\"allRecipients\":true,\"action\":{\"type\":\"DEFAULT\"}}]}");
    assertThat(stubs.messageFlow.requests())
        .singleElement()
        .satisfies(
            r -> assertThat(r.path()).isEqualTo("/messages/6d8f2f8e-77e1-4e2f-a8d5-4b0fd2e0d2e1"));
    assertThat(desk.store().list(CaseQuery.all())).isEmpty();
  }

  @Test
  void theTickPollsTheHealthApiThenRemindsAndSends() {
    healthApi.add(
        new HealthApiStub.Event(
            "arn:aws:health:us-east-1::event/RISK/AWS_RISK_CREDENTIALS_EXPOSED/AWS_RISK_CREDENTIALS_EXPOSED_77",
            "RISK",
            "AWS_RISK_CREDENTIALS_EXPOSED",
            "us-east-1",
            NOW.minusSeconds(600),
            NOW.minusSeconds(300),
            "open",
            "The AWS Access Key AKIAIOSFODNN7EXAMPLE is publicly available.",
            Map.of("444455556666", List.of("AKIAIOSFODNN7EXAMPLE"))));

    JsonNode first =
        Events.invoke(new TickHandler(desk), Events.bytes("scheduled-tick.json"), CLOCK);
    JsonNode second =
        Events.invoke(new TickHandler(desk), Events.bytes("scheduled-tick.json"), CLOCK);

    assertThat(first.path("health_api").asText()).isEqualTo("polled: 1 events, 1 new");
    assertThat(first.path("alerts_queued").asInt()).isPositive();
    assertThat(first.path("sent").asInt()).isEqualTo(first.path("alerts_queued").asInt());
    assertThat(second.path("health_api").asText()).isEqualTo("not due");
    assertThat(second.path("sent").asInt()).isZero();
    assertThat(desk.store().list(CaseQuery.all()))
        .singleElement()
        .extracting(Case::accounts)
        .isEqualTo(List.of("444455556666"));
  }
}
