package dev.abusedesk.app;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/** The {@code abusedesk} command line. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one command line and returns its exit code; never exits the JVM itself. */
  public static int run(String... args) {
    // The one place the process environment is read; commands get it from here.
    return execute(new CommandLine(new AbuseDeskCommand(System.getenv(), System.in)), args);
  }

  /** Runs one command line against the given environment and streams, as tests do. */
  static int run(
      Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new AbuseDeskCommand(env, in));
    cli.setOut(out);
    cli.setErr(err);
    return execute(cli, args);
  }

  private static int execute(CommandLine cli, String... args) {
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli.execute(args);
  }
}
