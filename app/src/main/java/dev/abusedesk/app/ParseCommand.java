package dev.abusedesk.app;

import dev.abusedesk.report.Parsed;
import dev.abusedesk.report.Report;
import dev.abusedesk.report.ReportJson;
import dev.abusedesk.report.ReportParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code abusedesk parse FILE...}: one JSON line per input, nothing stored. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Parse AWS abuse reports (mail or Health event JSON) and print one JSON object per line.",
      "Exit code 0 when every input was read, 1 when any input could not be."
    })
final class ParseCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to parse; - reads stdin.")
  List<String> files;

  @Spec CommandSpec spec;

  private final Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    ReportParser parser = new ReportParser();
    PrintWriter out = spec.commandLine().getOut();
    boolean anyError = false;
    for (String source : files) {
      Parsed parsed = parse(parser, source);
      if (parsed instanceof Parsed.Read read) {
        for (Report report : read.reports()) {
          out.println(ReportJson.line(source, report));
        }
      } else if (parsed instanceof Parsed.Unreadable unreadable) {
        anyError = true;
        out.println(ReportJson.error(source, unreadable.reason()));
      }
    }
    out.flush();
    return anyError ? 1 : 0;
  }

  private Parsed parse(ReportParser parser, String source) {
    if (source.equals("-")) {
      return parser.parse(System.in, clock.instant());
    }
    Path path = Path.of(source);
    if (Files.isDirectory(path)) {
      return new Parsed.Unreadable("is a directory");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return parser.parse(in, clock.instant());
    } catch (NoSuchFileException e) {
      return new Parsed.Unreadable("no such file");
    } catch (IOException e) {
      return new Parsed.Unreadable("cannot read: " + e.getClass().getSimpleName());
    }
  }
}
