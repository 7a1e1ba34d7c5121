package dev.abusedesk.app;

import dev.abusedesk.app.serve.Admission;
import dev.abusedesk.app.serve.Daemon;
import dev.abusedesk.app.serve.Intakes;
import dev.abusedesk.app.serve.Logs;
import dev.abusedesk.app.serve.Metrics;
import dev.abusedesk.app.serve.WebHandler;
import dev.abusedesk.config.Intake;
import dev.abusedesk.config.SecretCheck;
import dev.abusedesk.desk.Desk;
import dev.abusedesk.desk.SlackActions;
import dev.abusedesk.installation.Installation;
import dev.abusedesk.pipeline.Pipeline;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code abusedesk serve}: the daemon. Runs until SIGTERM or Ctrl-C, then stops accepting, finishes
 * what is in flight and exits within 10 seconds.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the daemon: SMTP/LMTP, HTTP and IMAP intake, delivery and reminders.",
      "Without --config: SQLite in ./data, SMTP on 127.0.0.1:2525, HTTP on 127.0.0.1:8080,"
          + " alerts on the console. A configuration without intake listeners gets the same"
          + " two; --smtp, --http, --no-smtp and --no-http change them."
    })
final class ServeCommand implements Callable<Integer> {

  private static final System.Logger LOG = System.getLogger(ServeCommand.class.getName());

  @Mixin CommonOptions common;

  @ParentCommand AbuseDeskCommand root;

  @Mixin Listeners listeners;

  @Option(
      names = "--demo",
      description = "Also load the bundled sample reports, moved to the present, into ./demo-data.")
  boolean demo;

  @Option(
      names = "--claim-lease",
      hidden = true,
      paramLabel = "DURATION",
      description = "How long an outbox claim holds before another instance may take it over.")
  String claimLease = "45s";

  @Override
  public Integer call() throws Exception {
    if (demo && common.dataDir == null) {
      common.dataDir = Path.of("demo-data");
    }
    Clock clock = Clock.systemUTC();
    // Secrets at load: a daemon that starts must be able to send to every receiver and to check
    // every login; a missing one is a line and exit 78 now, not a failure hours later.
    Installation configured = demo(common.open(root.env(), clock, SecretCheck.AT_LOAD));
    // The configuration's listeners, or the loopback defaults when it has none, then the flags.
    Listeners.Chosen chosen = listeners.choose(configured.config().intake(), common.config != null);
    Logs.configure(configured.config().logging());
    chosen.note().ifPresent(note -> LOG.log(System.Logger.Level.INFO, note));
    Intake intake = chosen.intake();
    Installation installation = configured.withConfig(configured.config().withIntake(intake));
    Metrics metrics = new Metrics();
    String owner = Installation.processName();
    Pipeline pipeline =
        installation
            .pipeline(owner, metrics, System.out)
            .withLease(
                dev.abusedesk.config.DurationText.parse(claimLease)
                    .orElse(dev.abusedesk.notify.Deliverer.LEASE));
    Daemon daemon = new Daemon(pipeline, installation.spool(), intake, clock, owner, metrics);
    Intakes.attach(daemon, installation, intake, owner);
    mountDesk(daemon, installation, pipeline, clock);
    if (demo) {
      int loaded = Intakes.loadDemo(installation.spool(), clock.instant());
      LOG.log(
          System.Logger.Level.INFO,
          "demo: {0} sample reports spooled into {1}",
          loaded,
          installation.dataDir());
    }
    // A port in use or an address not of this machine throws IntakeException: Failures prints
    // the one line that says which, and exits 1.
    daemon.start();
    LOG.log(
        System.Logger.Level.INFO,
        "abusedesk serving; data in {0}; stop with Ctrl-C or SIGTERM",
        installation.dataDir().toAbsolutePath());
    if (intake.http().isPresent()) {
      LOG.log(
          System.Logger.Level.INFO,
          "dashboard on http://{0}:{1,number,#}/dashboard",
          intake.http().get().listen().host(),
          daemon.httpPort());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.log(System.Logger.Level.INFO, "stopping");
                  daemon.stop(Duration.ofSeconds(8));
                  installation.close();
                  stopped.countDown();
                },
                "abusedesk-stop"));
    stopped.await();
    return 0;
  }

  /**
   * With {@code --demo} and no configuration file: the sample mails were received, and their DKIM
   * checked, by the demo's own mail server, which the demo trusts.
   */
  private Installation demo(Installation installation) {
    if (!demo || common.config != null) {
      return installation;
    }
    return installation.withConfig(
        installation
            .config()
            .withIntake(installation.config().intake().trusting(List.of(Intakes.DEMO_MTA))));
  }

  /**
   * The response desk, customers' response pages and Slack's interactivity endpoint, on the HTTP
   * listener.
   */
  static void mountDesk(Daemon daemon, Installation installation, Pipeline pipeline, Clock clock) {
    Desk desk =
        installation
            .desk(
                pipeline,
                daemon.httpOnLoopback() ? Desk.Place.LOOPBACK : Desk.Place.NETWORK,
                daemon::queued)
            // serve keeps its data in a lasting directory: there is always a secret.
            .orElseThrow();
    daemon.mount(
        "/dashboard",
        Admission.form(Desk.MAX_FORM_BYTES),
        new WebHandler(desk::handle, Desk.MAX_FORM_BYTES));
    // Customers' response pages: no login, their signed links guard them.
    daemon.mount(
        "/respond",
        Admission.form(Desk.MAX_FORM_BYTES),
        new WebHandler(desk::respond, Desk.MAX_FORM_BYTES));
    daemon.mount(
        "/slack/actions",
        Admission.slackSigned(SlackActions.MAX_BODY),
        new WebHandler(
            new SlackActions(pipeline, clock, daemon::queued)::handle, SlackActions.MAX_BODY));
  }
}
