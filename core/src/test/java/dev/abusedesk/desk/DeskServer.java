package dev.abusedesk.desk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.abusedesk.cases.Database;
import dev.abusedesk.cases.Recorded;
import dev.abusedesk.cases.SqlCaseStore;
import dev.abusedesk.cases.SqlCustomerNotices;
import dev.abusedesk.cases.SqlDeskSessions;
import dev.abusedesk.cases.SqlOutbox;
import dev.abusedesk.config.Config;
import dev.abusedesk.links.AckLinks;
import dev.abusedesk.links.CustomerLinks;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.notify.HttpTransport;
import dev.abusedesk.notify.ReceiverSender;
import dev.abusedesk.pipeline.Pipeline;
import dev.abusedesk.report.Parsed;
import dev.abusedesk.report.Report;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

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
  final SqlCustomerNotices notices;
  final AtomicInteger wakes = new AtomicInteger();
  final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final HttpServer http;
  private final java.util.concurrent.ExecutorService threads = Executors.newFixedThreadPool(4);

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
    this.notices = new SqlCustomerNotices(store.database());
    CustomerLinks customerLinks = ackLinks.customerLinks(config.customers().linkLifetime());
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
            Deliverer.Observer.NONE,
            Optional.of(notices),
            customerLinks::link);
    Desk desk =
        new Desk(
            pipeline,
            ackLinks,
            new SqlDeskSessions(store.database(), clock),
            notices,
            loopback ? Desk.Place.LOOPBACK : Desk.Place.NETWORK,
            clock,
            wakes::incrementAndGet,
            replies,
            hashes);
    SlackActions slack = new SlackActions(pipeline, clock, wakes::incrementAndGet);
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    http.createContext("/dashboard", exchange -> answer(exchange, desk::handle));
    http.createContext("/respond", exchange -> answer(exchange, desk::respond));
    http.createContext("/slack/actions", exchange -> answer(exchange, slack::handle));
    http.setExecutor(threads);
    http.start();
  }

  /** The desk's values over the JDK's server, as the daemon's listener hands them over. */
  private static void answer(HttpExchange exchange, Function<WebRequest, WebResponse> pages)
      throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String query = exchange.getRequestURI().getRawQuery();
      WebResponse response =
          pages.apply(
              new WebRequest(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  query == null ? "" : query,
                  exchange.getRequestHeaders(),
                  body,
                  exchange.getRemoteAddress().getAddress(),
                  Optional.of(exchange.getLocalAddress().getPort())));
      response.headers().forEach(h -> exchange.getResponseHeaders().add(h.name(), h.value()));
      byte[] bytes = response.body();
      exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + path);
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
    http.stop(0);
    threads.shutdownNow();
    pipeline.close();
    pipeline.store().close();
  }
}
