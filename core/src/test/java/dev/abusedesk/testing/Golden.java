package dev.abusedesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: rendered output checked in under {@code src/test/resources/golden/} and reviewed
 * like code. Run the tests with {@code -Dgolden.update=true} to rewrite them from the current
 * output.
 */
public final class Golden {

  private Golden() {}

  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  /** Compares {@code actual} with the golden file {@code golden/<relative>} of this module. */
  public static void assertMatches(String relative, String actual) {
    Path file = Path.of("src", "test", "resources", "golden").resolve(relative);
    try {
      if (UPDATE) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file)
          .as("golden file %s (regenerate with -Dgolden.update=true and review the diff)", file)
          .exists();
      assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
