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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code abusedesk parse FILE...}: one JSON line per input, in input order, nothing stored. Many
 * inputs are parsed on every core at once (a mailbox export of thousands of notices is the common
 * batch); the output keeps the input order.
 */
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

  /** The lines printed for one input, and whether it could not be read. */
  private record Rendered(String lines, boolean error) {}

  @Override
  public Integer call() throws InterruptedException {
    ReportParser parser = new ReportParser();
    PrintWriter out = spec.commandLine().getOut();
    int threads = Math.min(files.size(), Runtime.getRuntime().availableProcessors());
    boolean anyError = false;
    if (threads <= 1) {
      for (String source : files) {
        anyError |= print(out, render(parser, source));
      }
    } else {
      ExecutorService pool =
          Executors.newFixedThreadPool(
              threads,
              task -> {
                Thread thread = new Thread(task, "parse");
                thread.setDaemon(true);
                return thread;
              });
      try {
        // A bounded window keeps memory flat however many inputs there are.
        Deque<Future<Rendered>> window = new ArrayDeque<>();
        for (String source : files) {
          if (window.size() >= 8 * threads) {
            anyError |= print(out, await(window.removeFirst()));
          }
          window.addLast(pool.submit(() -> render(parser, source)));
        }
        while (!window.isEmpty()) {
          anyError |= print(out, await(window.removeFirst()));
        }
      } finally {
        pool.shutdownNow();
      }
    }
    out.flush();
    return anyError ? 1 : 0;
  }

  private static boolean print(PrintWriter out, Rendered rendered) {
    out.print(rendered.lines());
    return rendered.error();
  }

  private static Rendered await(Future<Rendered> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      // render() turns every input problem into an error line; this is a bug, kept to its input.
      throw new IllegalStateException("parsing an input failed", e.getCause());
    }
  }

  private Rendered render(ReportParser parser, String source) {
    Parsed parsed = parse(parser, source);
    StringBuilder lines = new StringBuilder(2048);
    if (parsed instanceof Parsed.Read read) {
      for (Report report : read.reports()) {
        lines.append(ReportJson.line(source, report)).append('\n');
      }
      return new Rendered(lines.toString(), false);
    }
    String reason = ((Parsed.Unreadable) parsed).reason();
    return new Rendered(
        lines.append(ReportJson.error(source, reason)).append('\n').toString(), true);
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
