package dev.abusedesk.app;

import dev.abusedesk.app.serve.Admission;
import dev.abusedesk.app.serve.HttpListener;
import dev.abusedesk.app.serve.Route;
import dev.abusedesk.cases.CaseJson;
import dev.abusedesk.cases.CaseQuery;
import dev.abusedesk.config.Config;
import dev.abusedesk.config.SecretCheck;
import dev.abusedesk.installation.Installation;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.pipeline.Pipeline;
import dev.abusedesk.report.Parsed;
import dev.abusedesk.report.Report;
import dev.abusedesk.report.ReportJson;
import dev.abusedesk.report.ReportParser;
import dev.abusedesk.report.SampleReports;
import dev.abusedesk.spool.Spooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * Runs the common start paths (parse; spool, record and list in a scratch data directory) on the
 * bundled samples, printing nothing. The build runs it once with {@code -XX:ArchiveClassesAtExit}
 * so that later runs start from a class-data-sharing archive.
 */
@Command(name = "warmup", hidden = true, description = "Exercise the start paths (build use).")
final class WarmupCommand implements Callable<Integer> {

  @Override
  public Integer call() throws IOException {
    ReportParser parser = new ReportParser();
    int lines = 0;
    for (String name : SampleReports.names()) {
      Parsed parsed = parser.parse(SampleReports.bytes(name), Instant.EPOCH);
      if (parsed instanceof Parsed.Read read) {
        for (Report report : read.reports()) {
          lines += ReportJson.line(name, report).isEmpty() ? 0 : 1;
        }
      }
    }
    Path scratch = Files.createTempDirectory("abusedesk-warmup");
    try {
      CommonOptions options = new CommonOptions();
      options.dataDir = scratch;
      java.io.PrintStream nowhere =
          new java.io.PrintStream(java.io.OutputStream.nullOutputStream(), true);
      try (Installation installation =
              options.open(Map.of(), Clock.systemUTC(), SecretCheck.WHEN_USED);
          Pipeline pipeline =
              installation.pipeline(Installation.processName(), Deliverer.Observer.NONE, nowhere)) {
        // What `ingest` does: spool, record, queue the alerts, deliver (to the console here).
        for (String name : SampleReports.names()) {
          Spooled spooled = installation.spool().put(SampleReports.bytes(name), "pipe");
          if (spooled instanceof Spooled.Accepted accepted) {
            pipeline.recorder().take(accepted.entry());
          }
        }
        pipeline.queueAlerts();
        pipeline.deliver(java.time.Duration.ofSeconds(10));
        lines += CaseJson.list(installation.store().list(CaseQuery.all()), Instant.EPOCH).length();
      }
    } finally {
      delete(scratch);
    }
    lines += warmHttp();
    // The configuration reader too, so that check-config and serve start from the archive.
    Config config =
        Config.parse(
            "receivers: [{name: console, console: {}}]\nreminders: {offsets: [12h, 1h30m]}\n",
            Path.of("."),
            Map.of());
    return lines > 0 && config.receivers().size() == 1 ? 0 : 1;
  }

  /** The HTTP listener and one request through it, so that serve loads Jetty from the archive. */
  private static int warmHttp() throws IOException {
    java.util.logging.Logger jetty = java.util.logging.Logger.getLogger("org.eclipse.jetty");
    jetty.setLevel(java.util.logging.Level.WARNING); // its start and stop lines, in the build log
    HttpListener listener =
        HttpListener.start(
            "127.0.0.1",
            0,
            List.of(
                new Route(
                    "/",
                    Admission.form(1024),
                    exchange -> {
                      exchange.getRequestBody().readAllBytes();
                      exchange.sendResponseHeaders(204, -1);
                      exchange.close();
                    })));
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              "POST /warmup HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
                  .getBytes(StandardCharsets.US_ASCII));
      return socket.getInputStream().readAllBytes().length > 0 ? 1 : 0;
    } finally {
      listener.close();
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
