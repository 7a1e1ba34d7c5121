package dev.abusedesk.app;

import dev.abusedesk.config.SecretCheck;
import dev.abusedesk.installation.Installation;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.pipeline.Pipeline;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code abusedesk remind}: queues the reminders and escalations due now (cron-friendly). */
@Command(
    name = "remind",
    mixinStandardHelpOptions = true,
    description = {
      "Queue the reminders and escalations that are due; `abusedesk deliver` sends them.",
      "Safe to run as often as you like: each reminder is queued once."
    })
final class RemindCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @ParentCommand AbuseDeskCommand root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    try (Installation installation =
            common.open(root.env(), Clock.systemUTC(), SecretCheck.WHEN_USED);
        Pipeline pipeline =
            installation.pipeline(
                Installation.processName(), Deliverer.Observer.NONE, System.out)) {
      int queued = pipeline.remind();
      spec.commandLine().getOut().printf("queued %d reminder message(s)%n", queued);
      return 0;
    }
  }
}
