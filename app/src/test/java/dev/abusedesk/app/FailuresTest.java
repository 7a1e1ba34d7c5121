package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.StoreException;
import dev.abusedesk.config.ConfigException;
import dev.abusedesk.config.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The failures no command of the test suite can be made to meet on every machine (a bug, an AWS SDK
 * without credentials), as the central handler words them.
 */
class FailuresTest {

  private static Failures.Failure describe(Throwable e) {
    return Failures.describe(e, "abusedesk cases list", Optional.empty());
  }

  @Test
  void aBugIsOneLineThatAsksForDebugAndExit70() {
    Failures.Failure failure = describe(new IllegalStateException("no row\nfor case 7"));

    assertThat(failure.exitCode()).isEqualTo(70);
    assertThat(failure.lines())
        .containsExactly(
            "abusedesk cases list: internal error: IllegalStateException: no row for case 7; run"
                + " it again with --debug for the stack trace, and please report it");
  }

  @Test
  void missingAwsCredentialsSayWhatToSet() {
    Failures.Failure failure =
        describe(
            SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain"
                    + " AwsCredentialsProviderChain(credentialsProviders=[...]) : [...]"));

    assertThat(failure.exitCode()).isEqualTo(69);
    assertThat(failure.lines())
        .containsExactly(
            "abusedesk cases list: no AWS credentials found; set AWS_ACCESS_KEY_ID and"
                + " AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), or AWS_PROFILE, or run it with"
                + " an instance or task role");
  }

  @Test
  void aDatabaseFileThatCannotBeCreatedIsTheDataDirectorysProblem() {
    Failures.Failure file =
        describe(new StoreException("cannot create /d/abusedesk.db: /d", new IOException("x")));
    Failures.Failure server = describe(new StoreException("cannot connect to PostgreSQL", null));

    assertThat(file.exitCode()).isEqualTo(74);
    assertThat(server.exitCode()).isEqualTo(69);
  }

  @Test
  void fileErrorsSayWhichFileAndWhyInAFewWords() {
    Failures.Failure failure =
        describe(new UncheckedIOException(new AccessDeniedException("/var/lib/abusedesk/x")));

    assertThat(failure.exitCode()).isEqualTo(74);
    assertThat(failure.lines())
        .containsExactly("abusedesk cases list: /var/lib/abusedesk/x: permission denied");
    assertThat(Failures.reason(new NoSuchFileException("a"))).isEqualTo("no such file");
  }

  @Test
  void withoutAConfigurationOptionAConfigurationProblemIsPrefixedWithTheCommand() {
    Failures.Failure failure =
        Failures.describe(
            new ConfigException(List.of(new Problem("storage.url", "required", 3))),
            "abusedesk lambda invoke",
            Optional.empty());
    Failures.Failure withFile =
        Failures.describe(
            new ConfigException(List.of(new Problem("storage.url", "required", 3))),
            "abusedesk lambda invoke",
            Optional.of(Path.of("etc/abusedesk.yaml")));

    assertThat(failure.exitCode()).isEqualTo(78);
    assertThat(failure.lines())
        .containsExactly("abusedesk lambda invoke: storage.url: required (line 3)");
    assertThat(withFile.lines())
        .containsExactly("abusedesk: --config etc/abusedesk.yaml: storage.url: required (line 3)");
  }
}
