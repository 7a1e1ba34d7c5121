package dev.abusedesk.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that touches the store takes, after its name. */
final class CommonOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The YAML configuration file (see docs/configuration.md).")
  Path config;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Where the spool and the embedded database live (default: $ABUSEDESK_DATA or ./data).")
  Path dataDir;
}
