package dev.abusedesk.app;

import dev.abusedesk.config.Config;
import dev.abusedesk.config.SecretCheck;
import dev.abusedesk.installation.DataDirectory;
import dev.abusedesk.installation.Installation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
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

  /**
   * The installation these options name: the configuration file when one is given (a broken one
   * throws {@link dev.abusedesk.config.ConfigException} with every problem), and the data directory
   * from, in order, {@code --data-dir}, the configuration's {@code storage.data_dir}, {@code
   * $ABUSEDESK_DATA}, {@code ./data}.
   *
   * @param secrets {@link SecretCheck#AT_LOAD} for a command that sends or listens and should not
   *     start without a secret; {@link SecretCheck#WHEN_USED} for one that may not need them all
   */
  Installation open(Map<String, String> env, Clock clock, SecretCheck secrets) {
    Config loaded = config == null ? Config.defaults() : Config.load(config, env, secrets);
    DataDirectory data =
        DataDirectory.of(
            Optional.ofNullable(dataDir), loaded, env, DataDirectory.lasting(Path.of("data")));
    return Installation.open(loaded, data, clock, env);
  }
}
