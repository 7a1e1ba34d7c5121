package dev.abusedesk.app;

import dev.abusedesk.cases.Recorder;
import dev.abusedesk.config.DurationText;
import dev.abusedesk.config.SecretCheck;
import dev.abusedesk.installation.Installation;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.pipeline.Pipeline;
import dev.abusedesk.spool.Spooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code abusedesk ingest}: the command a mail server pipes a message into. The message is on disk
 * before anything else happens; every failure before that exits 75 so the mail server keeps the
 * message and tries again, and nothing after it can make the mail bounce back to AWS.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Spool one message (mail or Health event JSON) durably, then record it.",
      "Exit 0 once the message is safely on disk; 75 (EX_TEMPFAIL) when it is not."
    })
final class IngestCommand implements Callable<Integer> {

  static final int EX_TEMPFAIL = ExitCodes.TEMPFAIL;
  private static final String NAME = "abusedesk ingest";
  private static final System.Logger LOG = System.getLogger(IngestCommand.class.getName());

  @Mixin CommonOptions common;

  @ParentCommand AbuseDeskCommand root;

  @Spec CommandSpec spec;

  @Option(
      names = "--deliver-within",
      paramLabel = "DURATION",
      description =
          "Try to send the alerts for this long, then leave the rest queued (default 10s).")
  String deliverWithin = "10s";

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "The message; - or nothing reads stdin.")
  String file;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Installation installation;
    Spooled spooled;
    try {
      // Secrets when used: a receiver without its secret must not send the report back to AWS;
      // its alert waits in the outbox for a run that has the secret.
      installation = common.open(root.env(), Clock.systemUTC(), SecretCheck.WHEN_USED);
    } catch (RuntimeException | Error e) {
      return notAccepted(err, e, Failures.describe(e, NAME, Optional.ofNullable(common.config)));
    }
    try (InputStream in = input()) {
      spooled = installation.spool().put(in, "pipe", Long.MAX_VALUE);
    } catch (IOException e) {
      String line = NAME + ": cannot read " + source() + ": " + Failures.reason(e);
      return notAccepted(err, e, new Failures.Failure(EX_TEMPFAIL, line));
    } catch (RuntimeException | Error e) {
      return notAccepted(err, e, Failures.describe(e, NAME, Optional.ofNullable(common.config)));
    }
    if (!(spooled instanceof Spooled.Accepted accepted)) {
      String reason =
          spooled instanceof Spooled.Failed failed ? failed.reason() : spooled.toString();
      String line = NAME + ": cannot spool the message: " + reason;
      return notAccepted(err, null, new Failures.Failure(EX_TEMPFAIL, line));
    }
    // Accepted: from here on, a failure only delays recording; `abusedesk process` catches up.
    try (installation;
        Pipeline pipeline =
            installation.pipeline(
                Installation.processName(), Deliverer.Observer.NONE, System.out)) {
      Recorder.Outcome outcome = pipeline.recorder().take(accepted.entry());
      LOG.log(System.Logger.Level.DEBUG, "ingested {0}", outcome);
      if (pipeline.queueAlerts() > 0) {
        pipeline.deliver(
            DurationText.parse(deliverWithin).orElse(java.time.Duration.ofSeconds(10)));
      }
    } catch (RuntimeException | Error e) {
      err.println(
          NAME
              + ": spooled as "
              + accepted.entry().id()
              + "; recording failed and will be retried by `abusedesk process`: "
              + Failures.oneLine(e.getMessage()));
      trace(err, e);
      err.flush();
    }
    return 0;
  }

  /**
   * The message was not taken: each line says why and that the mail server keeps it, and the exit
   * code is 75 whatever the failure (the launcher makes it 75 even when the JVM cannot start).
   */
  private int notAccepted(PrintWriter err, Throwable e, Failures.Failure failure) {
    for (String line : failure.lines()) {
      err.println(line + "; the mail server will retry");
    }
    trace(err, e);
    err.flush();
    return EX_TEMPFAIL;
  }

  private void trace(PrintWriter err, Throwable e) {
    if (root.debug && e != null) {
      e.printStackTrace(err);
    }
  }

  private String source() {
    return file == null || file.equals("-") ? "standard input" : file;
  }

  private InputStream input() throws IOException {
    if (file == null || file.equals("-")) {
      return root.in();
    }
    return Files.newInputStream(Path.of(file));
  }
}
