package dev.abusedesk.app;

import dev.abusedesk.config.Config;
import dev.abusedesk.report.Parsed;
import dev.abusedesk.report.Report;
import dev.abusedesk.report.ReportJson;
import dev.abusedesk.report.ReportParser;
import dev.abusedesk.report.SampleReports;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Runs the common start path on the bundled samples, printing nothing. The build runs it once with
 * {@code -XX:ArchiveClassesAtExit} so that later runs start from a class-data-sharing archive.
 */
@Command(name = "warmup", hidden = true, description = "Exercise the start path (build use).")
final class WarmupCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    ReportParser parser = new ReportParser();
    int lines = 0;
    for (String name : SampleReports.names()) {
      Parsed parsed = parser.parse(SampleReports.bytes(name), Instant.EPOCH);
      if (parsed instanceof Parsed.Read read) {
        for (Report report : read.reports()) {
          lines += ReportJson.line(name, report).length() > 0 ? 1 : 0;
        }
      }
    }
    // The configuration reader too, so that check-config and serve start from the archive.
    Config config =
        Config.parse(
            "receivers: [{name: console, console: {}}]\nreminders: {offsets: [12h, 1h30m]}\n",
            Path.of("."),
            Map.of());
    return lines > 0 && config.receivers().size() == 1 ? 0 : 1;
  }
}
