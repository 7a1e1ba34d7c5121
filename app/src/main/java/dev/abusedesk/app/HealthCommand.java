package dev.abusedesk.app;

import dev.abusedesk.config.HealthApi;
import dev.abusedesk.config.SecretCheck;
import dev.abusedesk.health.HealthBackstop;
import dev.abusedesk.health.HealthEndpoints;
import dev.abusedesk.health.Poll;
import dev.abusedesk.installation.Installation;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code abusedesk health}: the AWS Health API backstop, by hand. */
@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description = "The AWS Health API backstop (needs a Business support plan or higher).",
    subcommands = HealthCommand.Backfill.class)
final class HealthCommand {

  @ParentCommand AbuseDeskCommand root;

  /** {@code abusedesk health backfill --days 90}. */
  @Command(
      name = "backfill",
      mixinStandardHelpOptions = true,
      description = {
        "Read the abuse and risk events AWS Health kept for the last days and record those not"
            + " recorded yet. Uses health_api from the configuration (organization_view,"
            + " endpoint) whether or not it is enabled there.",
        "Their alerts are queued by the next `process` or `serve`."
      })
  static final class Backfill implements Callable<Integer> {

    @ParentCommand HealthCommand health;

    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Option(
        names = "--days",
        defaultValue = "90",
        paramLabel = "N",
        description = "How far back, in days (Health keeps 90; default ${DEFAULT-VALUE}).")
    int days;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (days < 1 || days > 90) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--days must be between 1 and 90 (Health keeps 90 days)");
      }
      Clock clock = Clock.systemUTC();
      try (Installation installation =
          common.open(health.root.env(), clock, SecretCheck.WHEN_USED)) {
        HealthApi api = installation.config().healthApi();
        HealthBackstop backstop =
            new HealthBackstop(
                new HealthBackstop.Settings(
                    api.organizationView(), api.interval(), Optional.empty()),
                api.endpoint()
                    .map(uri -> HealthEndpoints.fixed(uri, api.region()))
                    .orElseGet(HealthEndpoints::aws),
                installation.credentials(),
                installation.recorder(),
                installation.outbox(),
                clock,
                "backfill",
                HealthBackstop.Sleeper.THREAD);
        ProgressBar bar = new ProgressBar(err, "events");
        Poll poll = backstop.backfill(Duration.ofDays(days), bar::show);
        bar.done();
        return report(poll, out, err);
      }
    }

    private static int report(Poll poll, PrintWriter out, PrintWriter err) {
      if (poll instanceof Poll.Polled p) {
        out.printf(
            "%d events read, %d new reports recorded (%d throttled answers waited out)%n",
            p.events(), p.recorded(), p.throttled());
        out.flush();
        return 0;
      }
      String why =
          poll instanceof Poll.NotSubscribed n ? n.message() : ((Poll.Unavailable) poll).reason();
      err.println("abusedesk health backfill: " + why);
      err.flush();
      return 1;
    }
  }
}
