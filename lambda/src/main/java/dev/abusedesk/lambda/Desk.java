package dev.abusedesk.lambda;

import dev.abusedesk.cases.CaseStore;
import dev.abusedesk.cases.Recorder;
import dev.abusedesk.config.Config;
import dev.abusedesk.config.Secret;
import dev.abusedesk.config.Storage;
import dev.abusedesk.installation.DataDirectory;
import dev.abusedesk.installation.Installation;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.pipeline.Pipeline;
import dev.abusedesk.report.ReportParser;
import dev.abusedesk.report.SampleReports;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * What every function sets up once, when its container starts: core's {@link Installation} from the
 * function's environment (the configuration, the store and the pipeline, the signed links in
 * alerts), the AWS region and credentials. SnapStart-ready: before a snapshot the parser and JSON
 * paths are exercised and the database connections closed; after a restore each container takes a
 * new identity for the store's job leases.
 *
 * <p>The environment: {@code ABUSEDESK_CONFIG} holds the YAML itself, or {@code
 * ABUSEDESK_CONFIG_FILE} names a file (default {@code abusedesk.yaml} in the deployment package);
 * secrets in it come from environment variables ({@code {env: NAME}}), which the template fills
 * from Secrets Manager. The data directory is {@code storage.data_dir} or {@code ABUSEDESK_DATA}
 * when given, else the container's scratch space, where no link secret is generated: alerts carry
 * acknowledgement links when {@code dashboard.link_secret} is set, the dashboard's own. Public only
 * as the CRaC {@link Resource} it registers.
 */
public final class Desk implements Resource, AutoCloseable {

  static final String CONFIG = "ABUSEDESK_CONFIG";
  static final String CONFIG_FILE = "ABUSEDESK_CONFIG_FILE";
  static final String S3_ENDPOINT = "ABUSEDESK_S3_ENDPOINT";
  static final String WORKMAIL_ENDPOINT = "ABUSEDESK_WORKMAIL_ENDPOINT";
  static final String MAIL_BUCKET = "ABUSEDESK_MAIL_BUCKET";
  static final String MAIL_PREFIX = "ABUSEDESK_MAIL_PREFIX";
  static final String DB_URL = "ABUSEDESK_DB_URL";
  static final String PUBLIC_URL = "ABUSEDESK_PUBLIC_URL";
  static final String DB_USER = "ABUSEDESK_DB_USER";
  static final String DB_PASSWORD = "ABUSEDESK_DB_PASSWORD";

  private static final System.Logger LOG = System.getLogger(Desk.class.getName());
  private static Desk shared;

  private final Installation installation;
  private final Pipeline pipeline;
  private final Region region;
  private final AwsCredentialsProvider credentials;
  private volatile String owner;

  private Desk(Installation installation, PrintStream out) {
    this.installation = installation;
    this.owner = newOwner();
    this.pipeline = installation.pipeline(owner, Deliverer.Observer.NONE, out);
    this.region = Region.of(installation.env().getOrDefault("AWS_REGION", "us-east-1"));
    this.credentials = installation.credentials();
  }

  /**
   * The desk of this container, set up on first use from the process environment: Lambda builds the
   * handler (and so this) in its init phase, before the first event.
   */
  static synchronized Desk shared() {
    if (shared == null) {
      shared = open(System.getenv(), Clock.systemUTC(), System.out);
    }
    return shared;
  }

  /**
   * A desk from an environment: for the functions, the local runner and tests.
   *
   * @param out where console alerts go (standard output, i.e. CloudWatch Logs, in Lambda)
   */
  static Desk open(Map<String, String> env, Clock clock, PrintStream out) {
    return open(env, clock, out, Path.of(System.getProperty("java.io.tmpdir"), "abusedesk"));
  }

  /** A desk whose scratch space, when the environment names no data directory, is {@code tmp}. */
  static Desk open(Map<String, String> env, Clock clock, PrintStream out, Path tmp) {
    Config config = config(env);
    DataDirectory data =
        DataDirectory.of(Optional.empty(), config, env, DataDirectory.scratch(tmp));
    Desk desk = new Desk(Installation.open(config, data, clock, env), out);
    Core.getGlobalContext().register(desk);
    return desk;
  }

  /**
   * The configuration, with the database the deployment names: {@code ABUSEDESK_DB_URL}, {@code
   * ABUSEDESK_DB_USER} and {@code ABUSEDESK_DB_PASSWORD} (the template sets them from the RDS Proxy
   * and the Secrets Manager secret) replace the file's {@code storage}; {@code
   * ABUSEDESK_PUBLIC_URL} (the template sets it to the desk function's URL, known only once it is
   * made) is the {@code public_url} when the file names none (a custom domain in the file wins).
   */
  static Config config(Map<String, String> env) {
    Config config = file(env);
    String publicUrl = env.get(PUBLIC_URL);
    if (config.publicUrl().isEmpty() && publicUrl != null && !publicUrl.isBlank()) {
      URI url;
      try {
        url = new URI(publicUrl.strip());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(PUBLIC_URL + ": not a URL: " + e.getMessage(), e);
      }
      if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
        throw new IllegalArgumentException(PUBLIC_URL + ": an https URL is needed, got " + url);
      }
      config = config.withPublicUrl(url);
    }
    String db = env.get(DB_URL);
    if (db == null || db.isBlank()) {
      return config;
    }
    return config.withStorage(
        new Storage(
            Optional.empty(),
            Optional.of(db),
            Optional.ofNullable(env.get(DB_USER)).filter(u -> !u.isBlank()),
            Optional.ofNullable(env.get(DB_PASSWORD)).filter(p -> !p.isEmpty()).map(Secret::of)));
  }

  private static Config file(Map<String, String> env) {
    Path root = Path.of(env.getOrDefault("LAMBDA_TASK_ROOT", "."));
    String inline = env.get(CONFIG);
    if (inline != null && !inline.isBlank()) {
      return Config.parse(inline, root, env);
    }
    String file = env.get(CONFIG_FILE);
    if (file != null && !file.isBlank()) {
      return Config.load(root.resolve(file), env);
    }
    Path packaged = root.resolve("abusedesk.yaml");
    return Files.isRegularFile(packaged) ? Config.load(packaged, env) : Config.defaults();
  }

  private static String newOwner() {
    return "lambda-" + UUID.randomUUID();
  }

  Config config() {
    return installation.config();
  }

  Pipeline pipeline() {
    return pipeline;
  }

  CaseStore store() {
    return installation.store();
  }

  Clock clock() {
    return installation.clock();
  }

  /** The composition root this container runs on. */
  Installation installation() {
    return installation;
  }

  Region region() {
    return region;
  }

  AwsCredentialsProvider credentials() {
    return credentials;
  }

  /** This container's identity for job leases; new after every SnapStart restore. */
  String owner() {
    return owner;
  }

  Optional<String> env(String name) {
    return Optional.ofNullable(installation.env().get(name)).filter(v -> !v.isBlank());
  }

  Optional<URI> endpoint(String name) {
    return env(name).map(URI::create);
  }

  /** Records one message and queues its alerts; the idempotency key makes a retry a no-op. */
  Recorder.Taken record(byte[] raw, String key, String intake) {
    return pipeline.recorder().record(raw, key, intake, clock().instant());
  }

  /** Queues the alerts of what was recorded, and sends what is due within {@code budget}. */
  Deliverer.Result alert(Duration budget) {
    pipeline.queueAlerts();
    return pipeline.deliver(budget);
  }

  /**
   * An idempotency key the store can hold: {@code source:value}, or the value's SHA-256 when it is
   * too long (an S3 key may have 1024 bytes).
   */
  static String key(String source, String value) {
    String key = source + ":" + value;
    if (key.length() <= Recorder.MAX_ID) {
      return key;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return source + ":sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** Exercises the parser and JSON paths, so that a snapshot holds them compiled and loaded. */
  void prime() {
    ReportParser parser = installation.parser();
    Instant now = clock().instant();
    for (String name : SampleReports.names()) {
      parser.parse(SampleReports.bytes(name), now);
    }
    Json.read(Json.write(Json.mapper().createObjectNode().put("primed", true)));
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
    installation.store().reachable(); // loads the JDBC paths, then
    installation.disconnect(); // no connection survives into the snapshot
    LOG.log(System.Logger.Level.INFO, "primed for the snapshot");
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Many containers restore the same snapshot: each must lease jobs as itself.
    owner = newOwner();
  }

  @Override
  public void close() {
    pipeline.close();
    installation.close();
  }
}
