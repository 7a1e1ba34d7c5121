package dev.abusedesk.app;

import dev.abusedesk.cases.Recorded;
import dev.abusedesk.cases.Recorder;
import dev.abusedesk.config.SecretCheck;
import dev.abusedesk.installation.Installation;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code abusedesk process}: records every spooled message not yet recorded (cron-friendly). */
@Command(
    name = "process",
    mixinStandardHelpOptions = true,
    description = "Record every spooled message not yet recorded. Safe to run at any time.")
final class ProcessCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @ParentCommand AbuseDeskCommand root;

  @Override
  public Integer call() {
    try (Installation installation =
        common.open(root.env(), Clock.systemUTC(), SecretCheck.WHEN_USED)) {
      List<Recorder.Outcome> outcomes = installation.recorder().takePending();
      int opened = 0;
      int joined = 0;
      int repeats = 0;
      int unrelated = 0;
      int setAside = 0;
      for (Recorder.Outcome outcome : outcomes) {
        if (outcome instanceof Recorder.Outcome.SetAside) {
          setAside++;
        } else if (outcome instanceof Recorder.Outcome.Stored stored) {
          for (Recorded r : stored.recorded()) {
            if (r instanceof Recorded.Opened) {
              opened++;
            } else if (r instanceof Recorded.Joined || r instanceof Recorded.PageMerged) {
              joined++;
            } else if (r instanceof Recorded.Unrelated) {
              unrelated++;
            } else {
              repeats++;
            }
          }
        }
      }
      System.out.printf(
          "processed %d spooled message(s): %d new case(s), %d joined, %d not abuse,"
              + " %d already recorded, %d set aside%n",
          outcomes.size(), opened, joined, unrelated, repeats, setAside);
      return 0;
    }
  }
}
