package dev.abusedesk.installation;

import dev.abusedesk.config.Config;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an installation keeps its files: the spool, the SQLite database, the generated link secret.
 *
 * @param lasting whether the directory outlives the process: a Lambda container's {@code /tmp} does
 *     not, so no secret is generated there that links made elsewhere would have to match
 */
public record DataDirectory(Path path, boolean lasting) {

  /** The environment variable that names the data directory. */
  public static final String ENV = "ABUSEDESK_DATA";

  public DataDirectory {
    Objects.requireNonNull(path, "path");
  }

  public static DataDirectory lasting(Path path) {
    return new DataDirectory(path, true);
  }

  /** A directory that lives only as long as its process or container. */
  public static DataDirectory scratch(Path path) {
    return new DataDirectory(path, false);
  }

  /**
   * The data directory named by, in order, the command line ({@code given}), the configuration's
   * {@code storage.data_dir}, {@code $ABUSEDESK_DATA}; else {@code fallback}.
   */
  public static DataDirectory of(
      Optional<Path> given, Config config, Map<String, String> env, DataDirectory fallback) {
    Optional<Path> named =
        given
            .or(() -> config.storage().dataDir())
            .or(
                () ->
                    Optional.ofNullable(env.get(ENV))
                        .filter(value -> !value.isBlank())
                        .map(Path::of));
    return named.map(DataDirectory::lasting).orElse(fallback);
  }
}
