package dev.abusedesk.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.Database;
import dev.abusedesk.cases.SqlCaseStore;
import dev.abusedesk.cases.SqlOutbox;
import dev.abusedesk.config.Config;
import dev.abusedesk.config.Intake;
import dev.abusedesk.config.ListenAddress;
import dev.abusedesk.notify.Alerts;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.notify.HttpTransport;
import dev.abusedesk.notify.ReceiverSender;
import dev.abusedesk.pipeline.Pipeline;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.LoopbackHttp;
import dev.abusedesk.testing.LoopbackHttp.Answer;
import dev.abusedesk.testing.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's look at itself, on a real store, a real spool and a loopback chat tool: every way
 * alerts can get stuck becomes a reason an operator can act on, and a listener whose thread dies
 * ends the process.
 */
class CheckupTest {

  @TempDir Path dir;

  private final LoopbackHttp chat = LoopbackHttp.start();
  private final TestClock clock = new TestClock(Instant.parse("2025-10-14T04:00:00Z"));
  private FileSpool spool;
  private Pipeline pipeline;

  @BeforeEach
  void open() {
    Config config =
        Config.parse(
            """
            receivers:
              - name: ops-slack
                slack: {webhook_url: "%s"}
            """
                    .formatted(chat.uri("/slack"))
                + Fixtures.TRUST_FIXTURE_MTA,
            dir,
            Map.of());
    spool = FileSpool.open(dir, clock);
    SqlCaseStore store = SqlCaseStore.open(Database.sqlite(dir.resolve("abusedesk.db")), clock);
    pipeline =
        new Pipeline(
            config,
            store,
            new SqlOutbox(store.database()),
            spool,
            new ReceiverSender(
                new HttpTransport(clock),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                clock),
            clock,
            Alerts.Links.NONE,
            "test",
            Deliverer.Observer.NONE);
  }

  @AfterEach
  void close() {
    pipeline.close();
    pipeline.store().close();
    chat.close();
  }

  private Checkup checkup(Supervised... parts) {
    return new Checkup(pipeline, spool, List.of(parts));
  }

  private void ingestAndDeliver() {
    spool.put(Fixtures.bytes("email/ec2-abuse-dos.eml"), "test");
    pipeline.recordAndQueue();
    pipeline.deliver(Duration.ofSeconds(5));
  }

  @Test
  void isOkWhenAlertsFlow() {
    chat.on("/slack", Answer.slackOk());
    ingestAndDeliver();

    Health health = checkup().run(clock.instant());

    assertThat(health.ok()).isTrue();
    assertThat(health.json(clock.instant())).contains("\"status\":\"ok\"", "\"reasons\":[]");
  }

  @Test
  void namesAReceiverWhoseAlertsHaveWaitedMinutesWithItsLastError() {
    chat.on("/slack", Answer.of(503, "upstream down"));
    ingestAndDeliver();
    Health early = checkup().run(clock.instant().plusSeconds(60));
    clock.advance(Duration.ofMinutes(4));

    Health late = checkup().run(clock.instant());

    assertThat(early.ok()).isTrue();
    assertThat(late.ok()).isFalse();
    assertThat(late.reasons())
        .containsExactly(
            "receiver ops-slack: 1 message waiting, the oldest for 4 min"
                + " (last error: HTTP 503: upstream down)");
    assertThat(late.json(clock.instant()))
        .contains("\"status\":\"degraded\"", "\"oldest_pending_seconds\":240");
  }

  @Test
  void namesAReceiverThatRefusedMessagesForGood() {
    chat.on("/slack", Answer.of(404, "no_service"));
    ingestAndDeliver();

    Health health = checkup().run(clock.instant());

    assertThat(health.reasons())
        .singleElement()
        .asString()
        .startsWith("receiver ops-slack: 1 message refused for good in the last hour")
        .contains("no_service");
    assertThat(checkup().run(clock.instant().plus(Duration.ofMinutes(61))).ok()).isTrue();
  }

  @Test
  void namesMailSpooledAndNotRecorded() {
    spool.put(Fixtures.bytes("email/ec2-abuse-dos.eml"), "smtp");
    clock.advance(Duration.ofMinutes(6));

    Health health = checkup().run(clock.instant());

    assertThat(health.reasons())
        .containsExactly("spool: 1 received message not recorded yet, the oldest for 6 min");
  }

  @Test
  void namesALoopThatKeepsFailing() throws InterruptedException {
    java.util.concurrent.atomic.AtomicBoolean running =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    Loop failing =
        new Loop(
            "record",
            () -> {
              throw new IllegalStateException("database is locked");
            },
            new Signal(),
            Duration.ofMillis(10),
            running::get,
            clock);
    failing.start();
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (checkup(failing).run(clock.instant()).ok() && System.nanoTime() < until) {
      Thread.onSpinWait();
    }

    running.set(false);
    failing.join(Duration.ofSeconds(5));

    assertThat(checkup(failing).run(clock.instant()).reasons())
        .singleElement()
        .asString()
        .startsWith("loop record: ")
        .contains("rounds failed in a row: IllegalStateException: database is locked");
  }

  @Test
  void aListenerWhoseThreadDiesEndsTheDaemon() throws Exception {
    int port = FreePort.find();
    SmtpIntake smtp =
        new SmtpIntake(
            new Intake.Smtp(
                new ListenAddress("127.0.0.1", port),
                Intake.Protocol.SMTP,
                Intake.DEFAULT_MAX_BYTES,
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            spool,
            () -> {});
    Daemon daemon =
        new Daemon(
            pipeline,
            spool,
            new Intake(Optional.empty(), Optional.empty(), Optional.empty()),
            clock,
            "test",
            new Metrics());
    List<Integer> exits = new CopyOnWriteArrayList<>();
    daemon.onDeadPart(exits::add);
    daemon.starting(smtp::start);
    daemon.listener(smtp::stop);
    daemon.supervise(smtp);
    daemon.start();
    try {
      assertThat(smtp.condition(clock.instant())).isEqualTo(Supervised.Condition.WORKING);

      killAcceptor(port);
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (exits.isEmpty() && System.nanoTime() < until) {
        Thread.sleep(50);
      }

      assertThat(exits).first().isEqualTo(Fatal.EXIT);
      assertThat(daemon.health().reasons())
          .anySatisfy(r -> assertThat(r).startsWith("smtp 127.0.0.1:" + port + ": its listening"));
    } finally {
      daemon.stop(Duration.ofSeconds(2));
    }
  }

  /**
   * What an OutOfMemoryError in SubEthaSMTP's accepting thread did: the thread is gone, the process
   * lives on. {@code Thread.stop} is the only way to end another thread from outside.
   */
  private static void killAcceptor(int port) throws Exception {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("abusedesk-smtp-")) {
        Thread.class.getMethod("stop").invoke(t);
        // The thread is blocked in accept(): a connection wakes it, and it dies on waking.
        new java.net.Socket("127.0.0.1", port).close();
        t.join(5_000);
      }
    }
  }
}
