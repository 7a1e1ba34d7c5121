package dev.abusedesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real-shaped sample reports under {@code src/test/resources/fixtures/} of the core module. */
public final class Fixtures {

  private Fixtures() {}

  /** The fixtures directory, found from the core module or a sibling module. */
  public static Path root() {
    for (Path candidate :
        List.of(
            Path.of("src", "test", "resources", "fixtures"),
            Path.of("..", "core", "src", "test", "resources", "fixtures"))) {
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("core/src/test/resources/fixtures not found");
  }

  public static Path file(String relative) {
    return root().resolve(relative);
  }

  public static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(file(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every report fixture (mail and Health), as paths relative to the fixtures root, sorted. */
  public static List<String> reports() {
    try (Stream<Path> files = Files.walk(root())) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> root().relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.endsWith(".eml") || p.endsWith(".json"))
          .filter(p -> !p.startsWith("expected/"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The authserv-id of the mail server that received the fixtures (their Authentication-Results).
   */
  public static final String FIXTURE_MTA = "mx.example-msp.jp";

  /**
   * The parser as a desk that trusts the fixtures' mail server reads them: a DKIM pass it saw for
   * amazon.com is verified, a fail forged. Checks no signature itself (no DNS in tests).
   */
  public static dev.abusedesk.report.ReportParser parser() {
    return new dev.abusedesk.report.ReportParser(
        java.time.Duration.ofHours(24),
        new dev.abusedesk.report.MailChecks(
            java.util.List.of(FIXTURE_MTA), java.util.Optional.empty()));
  }

  /** The configuration line that makes a desk trust the fixtures' mail server. */
  public static final String TRUST_FIXTURE_MTA =
      "intake:\n  trusted_authserv_ids: [" + FIXTURE_MTA + "]\n";
}
