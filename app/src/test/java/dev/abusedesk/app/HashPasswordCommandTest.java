package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.PasswordHash;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HashPasswordCommandTest {

  @Test
  void printsAHashOfTheFirstLineOfStandardInput() {
    Run run = Run.of(Map.of(), "correct horse\r\nignored\n", "hash-password");

    assertThat(run.exitCode()).isZero();
    String hash = run.out().strip();
    assertThat(hash).startsWith("pbkdf2-sha256$210000$").doesNotContain("correct horse");
    assertThat(PasswordHash.verify("correct horse".toCharArray(), hash)).isTrue();
  }

  @Test
  void hashesPasswordsBeyondAscii() {
    Run run = Run.of(Map.of(), "パスワード", "hash-password");

    assertThat(PasswordHash.verify("パスワード".toCharArray(), run.out().strip())).isTrue();
  }

  @Test
  void refusesAnEmptyPassword() {
    Run run = Run.of(Map.of(), "\n", "hash-password");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip())
        .isEqualTo("abusedesk hash-password: no password on standard input");
  }

  @Test
  void refusesAnOverlongPasswordRatherThanCuttingIt() {
    Run run = Run.of(Map.of(), "x".repeat(HashPasswordCommand.MAX_BYTES + 1), "hash-password");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo("abusedesk hash-password: the password is longer than 1024 bytes");
  }
}
