package dev.abusedesk.app;

import dev.abusedesk.config.DurationText;
import dev.abusedesk.config.SecretCheck;
import dev.abusedesk.installation.Installation;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.pipeline.Pipeline;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code abusedesk deliver}: sends what is due in the outbox (cron-friendly). */
@Command(
    name = "deliver",
    mixinStandardHelpOptions = true,
    description = {
      "Queue the alerts of recorded reports and send every message that is due.",
      "What a receiver refuses for a while stays queued for the next run."
    })
final class DeliverCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @ParentCommand AbuseDeskCommand root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--within",
      paramLabel = "DURATION",
      description = "Stop sending after this long (default 50s, for a cron run every minute).")
  String within = "50s";

  @Override
  public Integer call() {
    Duration budget =
        DurationText.parse(within)
            .orElseThrow(
                () ->
                    new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "--within: not a duration: " + within));
    try (Installation installation =
            common.open(root.env(), Clock.systemUTC(), SecretCheck.AT_LOAD);
        Pipeline pipeline =
            installation.pipeline(
                Installation.processName(), Deliverer.Observer.NONE, System.out)) {
      int queued = pipeline.queueAlerts();
      Deliverer.Result result = pipeline.deliver(budget);
      spec.commandLine()
          .getOut()
          .printf(
              "queued %d, sent %d, to retry %d, failed %d%n",
              queued, result.sent(), result.retried(), result.failed());
      return 0;
    }
  }
}
