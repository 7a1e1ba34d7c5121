package dev.abusedesk.app;

import picocli.CommandLine;

/** The {@code abusedesk} command line. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one command line and returns its exit code; never exits the JVM itself. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new AbuseDeskCommand());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli.execute(args);
  }
}
