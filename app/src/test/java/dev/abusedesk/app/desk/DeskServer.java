package dev.abusedesk.app.desk;

import dev.abusedesk.app.serve.Admission;
import dev.abusedesk.app.serve.HttpListener;
import dev.abusedesk.app.serve.Route;
import dev.abusedesk.cases.Database;
import dev.abusedesk.cases.Recorded;
import dev.abusedesk.cases.SqlCaseStore;
import dev.abusedesk.cases.SqlOutbox;
import dev.abusedesk.config.Config;
import dev.abusedesk.links.AckLinks;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.notify.HttpTransport;
import dev.abusedesk.notify.ReceiverSender;
import dev.abusedesk.pipeline.Pipeline;
import dev.abusedesk.report.Parsed;
import dev.abusedesk.report.Report;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dashboard with real parts: SQLite in a temporary directory, the real pipeline, the daemon's
 * HTTP listener on a free loopback port. Only the clock is the test's.
 */
final class DeskServer implements AutoCloseable {

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(Instant now) {
      this.now = now;
    }

    void advance(java.time.Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final TestClock clock;
  final Config config;
  final Pipeline pipeline;
  final AckLinks ackLinks;
  final AtomicInteger wakes = new AtomicInteger();
  final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final HttpListener http;

  DeskServer(Path dir, String yaml, Instant now, boolean loopback, Optional<ReplyMail> replies) {
    this(dir, yaml, now, loopback, replies, dev.abusedesk.config.PasswordHash::verify);
  }

  /** The same, with the password checks going through {@code hashes}. */
  DeskServer(
      Path dir,
      String yaml,
      Instant now,
      boolean loopback,
      Optional<ReplyMail> replies,
      Logins.Hashes hashes) {
    this.clock = new TestClock(now);
    // The fixtures were received by a mail server the desk trusts, as a real desk's would be.
    this.config =
        Config.parse(
            yaml.contains("intake:") ? yaml : yaml + Fixtures.TRUST_FIXTURE_MTA, dir, Map.of());
    SqlCaseStore store = SqlCaseStore.open(Database.sqlite(dir.resolve("abusedesk.db")), clock);
    this.ackLinks = AckLinks.of(config, dir, clock);
    this.pipeline =
        new Pipeline(
            config,
            store,
            new SqlOutbox(store.database()),
            FileSpool.open(dir, clock),
            new ReceiverSender(
                new HttpTransport(clock),
                new PrintStream(console, true, StandardCharsets.UTF_8),
                clock),
            clock,
            new dev.abusedesk.notify.Alerts.Links() {
              @Override
              public Optional<URI> caseLink(long caseId) {
                return Optional.empty();
              }

              @Override
              public Optional<URI> ackLink(long caseId) {
                return ackLinks.link(caseId);
              }
            },
            "test",
            Deliverer.Observer.NONE);
    http =
        HttpListener.start(
            "127.0.0.1",
            0,
            List.of(
                new Route(
                    "/dashboard",
                    Admission.form(Desk.MAX_FORM_BYTES),
                    new Desk(
                        pipeline,
                        ackLinks,
                        loopback,
                        clock,
                        wakes::incrementAndGet,
                        replies,
                        hashes)),
                new Route(
                    "/slack/actions",
                    Admission.slackSigned(SlackActions.MAX_BODY),
                    new SlackActions(pipeline, clock, wakes::incrementAndGet))));
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + http.port() + path);
  }

  /** Records a message as the intake would, and queues its alerts; returns the case ID. */
  long record(byte[] raw, String spoolId) {
    Parsed parsed = Fixtures.parser().parse(raw, clock.instant());
    Report report = ((Parsed.Read) parsed).reports().get(0);
    Recorded recorded = pipeline.store().record(report, raw, spoolId, "test");
    pipeline.queueAlerts();
    if (recorded instanceof Recorded.Opened opened) {
      return opened.caseNow().id();
    }
    if (recorded instanceof Recorded.Joined joined) {
      return joined.caseNow().id();
    }
    throw new IllegalStateException("not a case: " + recorded);
  }

  @Override
  public void close() {
    http.close();
    pipeline.close();
    pipeline.store().close();
  }
}
