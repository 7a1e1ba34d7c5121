package dev.abusedesk.app;

import dev.abusedesk.cases.Recorder;
import dev.abusedesk.config.DurationText;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.pipeline.Pipeline;
import dev.abusedesk.spool.Spooled;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

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

  static final int EX_TEMPFAIL = 75;
  private static final System.Logger LOG = System.getLogger(IngestCommand.class.getName());

  @Mixin CommonOptions common;

  @ParentCommand AbuseDeskCommand root;

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
    Context context;
    Spooled spooled;
    try {
      context = Context.of(common, root.env(), Clock.systemUTC());
      try (InputStream in = input()) {
        spooled = context.spool().put(in, "pipe", Long.MAX_VALUE);
      }
    } catch (IOException | RuntimeException | Error e) {
      System.err.println("abusedesk ingest: not accepted, try again later: " + e.getMessage());
      return EX_TEMPFAIL;
    }
    if (!(spooled instanceof Spooled.Accepted accepted)) {
      System.err.println("abusedesk ingest: not accepted, try again later: " + spooled);
      return EX_TEMPFAIL;
    }
    // Accepted: from here on, a failure only delays recording; `abusedesk process` catches up.
    try (context;
        Pipeline pipeline = context.pipeline(Context.processName(), Deliverer.Observer.NONE)) {
      Recorder.Outcome outcome = pipeline.recorder().take(accepted.entry());
      LOG.log(System.Logger.Level.DEBUG, "ingested {0}", outcome);
      if (pipeline.queueAlerts() > 0) {
        pipeline.deliver(
            DurationText.parse(deliverWithin).orElse(java.time.Duration.ofSeconds(10)));
      }
    } catch (RuntimeException | Error e) {
      System.err.println(
          "abusedesk ingest: spooled as "
              + accepted.entry().id()
              + "; recording failed and will be retried by `abusedesk process`: "
              + e.getMessage());
    }
    return 0;
  }

  private InputStream input() throws IOException {
    if (file == null || file.equals("-")) {
      return root.in();
    }
    return Files.newInputStream(Path.of(file));
  }
}
