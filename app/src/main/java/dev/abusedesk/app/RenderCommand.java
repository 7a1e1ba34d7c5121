package dev.abusedesk.app;

import dev.abusedesk.config.Config;
import dev.abusedesk.config.Receiver;
import dev.abusedesk.config.SecretCheck;
import dev.abusedesk.installation.Installation;
import dev.abusedesk.notify.Alert;
import dev.abusedesk.notify.Notifiers;
import dev.abusedesk.notify.Rendering;
import dev.abusedesk.notify.ReportAlert;
import dev.abusedesk.report.Parsed;
import dev.abusedesk.report.Report;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code abusedesk render --receiver NAME FILE}: the request a report would make; nothing sent. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Print the request a receiver would be sent for the report in FILE: method and host, headers"
          + " (credentials masked) and the exact body. Nothing is sent or stored.",
      "Exit 0 when something was rendered, 1 otherwise."
    })
final class RenderCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @ParentCommand AbuseDeskCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--receiver", required = true, paramLabel = "NAME", description = "The receiver.")
  String receiver;

  @Option(
      names = "--at",
      paramLabel = "TIME",
      description =
          "Render as of this UTC time (2025-10-15T03:12:00Z), for the time left; default now.")
  Instant at;

  @Option(
      names = "--case-id",
      paramLabel = "N",
      description = "The case number to show (default 0).")
  long caseId;

  @Parameters(paramLabel = "FILE", description = "A report: mail or Health event JSON.")
  Path file;

  private final Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Secrets when used: only the chosen receiver's are needed (to mask them).
    try (Installation installation = common.open(root.env(), clock, SecretCheck.WHEN_USED)) {
      Receiver chosen = receiver(installation.config(), receiver);
      Instant now = at == null ? clock.instant() : at;
      Parsed parsed;
      try (InputStream in = Files.newInputStream(file)) {
        parsed = installation.parser().parse(in, now);
      } catch (IOException e) {
        throw new CommandException(
            ExitCodes.NO_INPUT, "cannot read " + file + ": " + Failures.reason(e));
      }
      if (parsed instanceof Parsed.Unreadable unreadable) {
        err.println("abusedesk render: " + file + ": " + unreadable.reason());
        return 1;
      }
      int rendered = 0;
      for (Report report : ((Parsed.Read) parsed).reports()) {
        if (!report.isAbuse()) {
          err.println(
              "abusedesk render: " + file + ": not an abuse report; no message would be sent");
          continue;
        }
        Config config = installation.config();
        Alert alert =
            ReportAlert.of(
                report,
                ReportAlert.typeFor(report.kind()),
                caseId,
                config.accounts(),
                config.publicUrl(),
                now);
        Rendering rendering =
            new Rendering(
                config.language(), config.timezone(), now, chosen.mentions(), Optional.empty());
        RequestPreview.print(
            out, Notifiers.forKind(chosen.kind()).render(alert, rendering), chosen.kind());
        rendered++;
      }
      return rendered > 0 ? 0 : 1;
    }
  }

  /** The receiver named {@code name}; when there is none, a failure that lists the names. */
  static Receiver receiver(Config config, String name) {
    return config
        .receiver(name)
        .orElseThrow(
            () ->
                new CommandException(
                    ExitCodes.FAILED,
                    "no receiver "
                        + name
                        + " in the configuration; there are: "
                        + config.receivers().stream()
                            .map(Receiver::name)
                            .collect(Collectors.joining(", "))));
  }
}
