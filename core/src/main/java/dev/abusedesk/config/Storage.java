package dev.abusedesk.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where cases are kept. Without {@code url} the store is an embedded SQLite database in the data
 * directory; without {@code dataDir} the command line decides it ({@code --data-dir}, {@code
 * $ABUSEDESK_DATA}, {@code ./data}).
 *
 * @param url a {@code jdbc:postgresql:} or {@code jdbc:sqlite:} URL; may hold credentials, so it is
 *     never printed
 */
public record Storage(
    Optional<Path> dataDir,
    Optional<String> url,
    Optional<String> username,
    Optional<Secret> password) {

  public Storage {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    url.ifPresent(
        u -> {
          if (!u.startsWith("jdbc:postgresql:") && !u.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException("url must be jdbc:postgresql: or jdbc:sqlite:");
          }
        });
  }

  /** The embedded default: SQLite in the data directory the command line picks. */
  public static Storage embedded() {
    return new Storage(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public boolean isPostgres() {
    return url.map(u -> u.startsWith("jdbc:postgresql:")).orElse(false);
  }

  @Override
  public String toString() {
    return "Storage[dataDir="
        + dataDir.map(Path::toString).orElse("(command line)")
        + ", url="
        + url.map(u -> isPostgres() ? "jdbc:postgresql:***" : "jdbc:sqlite:***")
            .orElse("(embedded)")
        + ", username="
        + username.orElse("")
        + ", password="
        + password.map(Secret::toString).orElse("")
        + "]";
  }
}
