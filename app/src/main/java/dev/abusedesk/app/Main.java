package dev.abusedesk.app;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** The {@code abusedesk} command line. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // One buffer for the whole run: parse prints a line per input, and a flush per line costs a
    // system call each.
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 64 * 1024));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
    int code = run(out, err, args);
    System.exit(code);
  }

  /** Runs one command line on standard output and error; never exits the JVM itself. */
  public static int run(String... args) {
    return run(
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8)),
        args);
  }

  /**
   * Runs one command line, printing to the writers given, and flushes them; returns its exit code.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    // The one place the process environment is read; commands get it from here.
    return run(System.getenv(), System.in, out, err, args);
  }

  /** Runs one command line against the given environment and streams, as tests do. */
  static int run(
      Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err, String... args) {
    // A short command's stderr is for its own messages, not for a connection pool starting.
    dev.abusedesk.app.serve.Logs.quietLibraries();
    AbuseDeskCommand root = new AbuseDeskCommand(env, in);
    CommandLine cli = new CommandLine(root);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOut(out);
    cli.setErr(err);
    // Every failure, of every command: one line for the operator, the trace only with --debug.
    Failures failures = new Failures(root);
    cli.setExecutionExceptionHandler(failures);
    cli.setParameterExceptionHandler(failures);
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }
}
