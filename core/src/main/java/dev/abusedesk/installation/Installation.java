package dev.abusedesk.installation;

import dev.abusedesk.aws.Credentials;
import dev.abusedesk.cases.CaseStore;
import dev.abusedesk.cases.CustomerNotices;
import dev.abusedesk.cases.Database;
import dev.abusedesk.cases.DeskSessions;
import dev.abusedesk.cases.Outbox;
import dev.abusedesk.cases.Recorder;
import dev.abusedesk.cases.SqlCaseStore;
import dev.abusedesk.cases.SqlCustomerNotices;
import dev.abusedesk.cases.SqlDeskSessions;
import dev.abusedesk.cases.SqlOutbox;
import dev.abusedesk.config.Config;
import dev.abusedesk.desk.Desk;
import dev.abusedesk.desk.ReplyMail;
import dev.abusedesk.links.AckLinks;
import dev.abusedesk.links.CustomerLinks;
import dev.abusedesk.links.DashboardLinks;
import dev.abusedesk.notify.Alerts;
import dev.abusedesk.notify.CustomerQueue;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.notify.HttpTransport;
import dev.abusedesk.notify.ReceiverSender;
import dev.abusedesk.pipeline.Pipeline;
import dev.abusedesk.report.ReportParser;
import dev.abusedesk.spool.FileSpool;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * One Abuse Desk, wired once: from the configuration, the data directory, the clock and the
 * environment to the spool, the store and its outbox, the receivers' sender, the signed links in
 * alerts and the pipeline. The CLI, the daemon and every Lambda function run on one of these and
 * add only their entry point. What it opens it opens lazily, so that the mail pipe writes its spool
 * file before anything else can fail.
 */
public final class Installation implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(Installation.class.getName());

  private final Config config;
  private final DataDirectory data;
  private final Clock clock;
  private final Map<String, String> env;
  private FileSpool spool;
  private Database database;
  private CaseStore store;
  private Outbox outbox;
  private DeskSessions deskSessions;
  private CustomerNotices customerNotices;
  private Optional<AckLinks> ackLinks;

  private Installation(Config config, DataDirectory data, Clock clock, Map<String, String> env) {
    this.config = Objects.requireNonNull(config, "config");
    this.data = Objects.requireNonNull(data, "data");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.env = Map.copyOf(env);
  }

  /**
   * The installation a configuration describes, keeping its files in {@code data}.
   *
   * @param env the environment the process was given: AWS credentials come from it
   */
  public static Installation open(
      Config config, DataDirectory data, Clock clock, Map<String, String> env) {
    return new Installation(config, data, clock, env);
  }

  /** The same installation with another configuration, before anything is opened. */
  public synchronized Installation withConfig(Config other) {
    if (spool != null || database != null) {
      throw new IllegalStateException("the installation is open already");
    }
    return new Installation(other, data, clock, env);
  }

  public Config config() {
    return config;
  }

  public Path dataDir() {
    return data.path();
  }

  public Clock clock() {
    return clock;
  }

  public Map<String, String> env() {
    return env;
  }

  /** The zone times are shown in. */
  public ZoneId zone() {
    return config.timezone();
  }

  public synchronized FileSpool spool() {
    if (spool == null) {
      spool = FileSpool.open(data.path(), clock);
    }
    return spool;
  }

  public ReportParser parser() {
    return Pipeline.parser(config);
  }

  /** The store: PostgreSQL when the configuration names one, else SQLite in the data directory. */
  public synchronized CaseStore store() {
    if (store == null) {
      SqlCaseStore opened =
          SqlCaseStore.open(
              Database.of(config.storage(), data.path().resolve("abusedesk.db")), clock);
      database = opened.database();
      store = opened;
    }
    return store;
  }

  /** The outbox and the jobs' leases, in the store's database. */
  public synchronized Outbox outbox() {
    if (outbox == null) {
      store();
      outbox = new SqlOutbox(database);
    }
    return outbox;
  }

  /**
   * The dashboard's sessions, in the store's database: every daemon and Lambda sandbox on it shares
   * them.
   */
  public synchronized DeskSessions deskSessions() {
    if (deskSessions == null) {
      store();
      deskSessions = new SqlDeskSessions(database, clock);
    }
    return deskSessions;
  }

  /** What the customers' contacts were told and answered, in the store's database. */
  public synchronized CustomerNotices customerNotices() {
    if (customerNotices == null) {
      store();
      customerNotices = new SqlCustomerNotices(database);
    }
    return customerNotices;
  }

  public Recorder recorder() {
    return new Recorder(spool(), store(), parser());
  }

  /**
   * What signs and checks acknowledgement links: {@code dashboard.link_secret}, else a secret
   * generated once into the data directory. Empty when neither can be had: no secret is configured
   * and the data directory does not last.
   */
  public synchronized Optional<AckLinks> ackLinks() {
    if (ackLinks == null) {
      ackLinks =
          data.lasting()
              ? Optional.of(AckLinks.of(config, data.path(), clock))
              : AckLinks.configured(config, clock);
      if (ackLinks.isEmpty() && config.publicUrl().isPresent()) {
        LOG.log(
            System.Logger.Level.WARNING,
            "dashboard.link_secret is not set: alerts carry no acknowledgement link (a secret"
                + " generated in {0} would not outlive this process)",
            data.path());
      }
    }
    return ackLinks;
  }

  /**
   * The response desk's pages on a pipeline of this installation: its sessions, its signed links,
   * the customers' notices and response pages, and the team's replies through the {@code reply}
   * relay. Empty when no acknowledgement link can be checked (no {@code dashboard.link_secret} and
   * a data directory that does not last).
   *
   * @param place where the pages are served: the daemon's listener or a Lambda function URL
   * @param queued wakes delivery after an action queued a message
   */
  public Optional<Desk> desk(Pipeline pipeline, Desk.Place place, Runnable queued) {
    return ackLinks()
        .map(
            links ->
                new Desk(
                    pipeline,
                    links,
                    deskSessions(),
                    customerNotices(),
                    place,
                    clock,
                    queued,
                    config.reply().map(reply -> new ReplyMail(reply, clock))));
  }

  /**
   * The links alerts carry into the dashboard, when {@code public_url} says where it is: the case
   * page and the signed acknowledgement link.
   */
  public Alerts.Links links() {
    return config
        .publicUrl()
        .map(url -> DashboardLinks.at(url, ackLinks()))
        .orElse(Alerts.Links.NONE);
  }

  /**
   * AWS credentials: the keys in the environment ({@code AWS_ACCESS_KEY_ID}, ...), else the SDK's
   * default chain.
   */
  public AwsCredentialsProvider credentials() {
    return Credentials.fromEnvironment(env);
  }

  /**
   * The whole pipeline after the spool, sending through the configured receivers. The caller closes
   * it.
   *
   * @param owner names this process in outbox claims and job leases
   * @param console where console alerts go
   */
  public Pipeline pipeline(String owner, Deliverer.Observer observer, PrintStream console) {
    // The spool first: opening it tightens the whole data directory, the database in it too.
    FileSpool opened = spool();
    return new Pipeline(
        config,
        store(),
        outbox(),
        opened,
        new ReceiverSender(() -> new HttpTransport(clock), console, clock),
        clock,
        links(),
        owner,
        observer,
        Optional.of(customerNotices()),
        customerLinks());
  }

  /** Each customer notice's signed link to its response page, when links can be made. */
  private CustomerQueue.Links customerLinks() {
    Optional<CustomerLinks> links =
        ackLinks().map(a -> a.customerLinks(config.customers().linkLifetime()));
    return (noticeId, linkId) -> links.flatMap(l -> l.link(noticeId, linkId));
  }

  /** A name for this process in claims and leases, unique across hosts without a lookup. */
  public static String processName() {
    return "pid"
        + ProcessHandle.current().pid()
        + "-"
        + Long.toHexString(new SecureRandom().nextLong());
  }

  /**
   * Closes the database's connections; the store reconnects on its next use. A Lambda function does
   * this before a SnapStart snapshot, so that no connection is frozen into it.
   */
  public synchronized void disconnect() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  public synchronized void close() {
    if (store != null) {
      store.close();
    }
  }
}
