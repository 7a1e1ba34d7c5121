package dev.abusedesk.app;

import dev.abusedesk.cases.CaseStore;
import dev.abusedesk.cases.Database;
import dev.abusedesk.cases.Recorder;
import dev.abusedesk.cases.SqlCaseStore;
import dev.abusedesk.config.Config;
import dev.abusedesk.config.SecretCheck;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.notify.HttpTransport;
import dev.abusedesk.notify.ReceiverSender;
import dev.abusedesk.notify.Sender;
import dev.abusedesk.pipeline.Pipeline;
import dev.abusedesk.report.ReportParser;
import dev.abusedesk.spool.FileSpool;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a command runs with: the data directory, the spool, the store, the clock. Opened lazily, so
 * that the mail pipe writes its spool file before anything else can fail.
 */
public final class Context implements AutoCloseable {

  static final String DATA_ENV = "ABUSEDESK_DATA";

  private final Config config;
  private final Path dataDir;
  private final Clock clock;
  private final Map<String, String> env;
  private FileSpool spool;
  private CaseStore store;

  private Context(Config config, Path dataDir, Clock clock, Map<String, String> env) {
    this.config = config;
    this.dataDir = dataDir;
    this.clock = clock;
    this.env = env;
  }

  /**
   * The context of one command: the configuration file when one is given (a broken one throws
   * {@link dev.abusedesk.config.ConfigException} with every problem), and the data directory from,
   * in order, {@code --data-dir}, the configuration's {@code storage.data_dir}, {@code
   * $ABUSEDESK_DATA}, {@code ./data}.
   *
   * @param secrets {@link SecretCheck#AT_LOAD} for a command that sends or listens and should not
   *     start without a secret; {@link SecretCheck#WHEN_USED} for one that may not need them all
   */
  static Context of(
      CommonOptions options, Map<String, String> env, Clock clock, SecretCheck secrets) {
    Objects.requireNonNull(options, "options");
    Config config =
        options.config == null ? Config.defaults() : Config.load(options.config, env, secrets);
    Path dataDir = options.dataDir;
    if (dataDir == null) {
      dataDir = config.storage().dataDir().orElse(null);
    }
    if (dataDir == null && env.get(DATA_ENV) != null && !env.get(DATA_ENV).isBlank()) {
      dataDir = Path.of(env.get(DATA_ENV));
    }
    if (dataDir == null) {
      dataDir = Path.of("data");
    }
    return new Context(config, dataDir, clock, Map.copyOf(env));
  }

  public Config config() {
    return config;
  }

  /** The same command with another configuration (the demo's), before anything is opened. */
  Context withConfig(Config other) {
    return new Context(other, dataDir, clock, env);
  }

  public Map<String, String> env() {
    return env;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Clock clock() {
    return clock;
  }

  /** The zone times are shown in. */
  public java.time.ZoneId zone() {
    return config.timezone();
  }

  public FileSpool spool() {
    if (spool == null) {
      spool = FileSpool.open(dataDir, clock);
    }
    return spool;
  }

  public ReportParser parser() {
    return Pipeline.parser(config);
  }

  /** The store: PostgreSQL when the configuration names one, else SQLite in the data dir. */
  public CaseStore store() {
    if (store == null) {
      store = SqlCaseStore.open(database(), clock);
    }
    return store;
  }

  private Database database() {
    return Database.of(config.storage(), dataDir.resolve("abusedesk.db"));
  }

  /**
   * Links into the dashboard, when {@code public_url} says where it is: the case page and a signed
   * acknowledgement link.
   */
  public dev.abusedesk.notify.Alerts.Links links() {
    return config
        .publicUrl()
        .map(
            url ->
                dev.abusedesk.links.DashboardLinks.at(
                    url,
                    java.util.Optional.of(dev.abusedesk.links.AckLinks.of(config, dataDir, clock))))
        .orElse(dev.abusedesk.notify.Alerts.Links.NONE);
  }

  /**
   * The whole pipeline after the spool, sending through the configured receivers.
   *
   * @param owner names this process in outbox claims and job leases
   */
  public Pipeline pipeline(String owner, Deliverer.Observer observer) {
    return pipeline(owner, observer, System.out);
  }

  /** The pipeline, with console alerts going to {@code console}. */
  public Pipeline pipeline(String owner, Deliverer.Observer observer, java.io.PrintStream console) {
    Sender sender = new ReceiverSender(() -> new HttpTransport(clock), console, clock);
    // The spool first: opening it tightens the whole data directory, the database in it too.
    FileSpool spool = spool();
    SqlCaseStore sql = (SqlCaseStore) store();
    return new Pipeline(
        config,
        sql,
        new dev.abusedesk.cases.SqlOutbox(sql.database()),
        spool,
        sender,
        clock,
        links(),
        owner,
        observer);
  }

  /** A name for this process in claims and leases, unique across hosts without a lookup. */
  public static String processName() {
    return "pid"
        + ProcessHandle.current().pid()
        + "-"
        + Long.toHexString(new java.security.SecureRandom().nextLong());
  }

  public Recorder recorder() {
    return new Recorder(spool(), store(), parser());
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }
}
