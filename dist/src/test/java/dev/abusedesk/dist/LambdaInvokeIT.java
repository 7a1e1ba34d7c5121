package dev.abusedesk.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code abusedesk lambda invoke} in a checkout: the launcher runs the CLI with the Lambda jar the
 * build made after it on the class path, and the CLI runs the functions from that jar.
 */
class LambdaInvokeIT {

  private static final Path LAUNCHER = Packages.ROOT.resolve("abusedesk");
  private static final Path DOS =
      Packages.ROOT.resolve("core/src/test/resources/fixtures/health/abuse-dos.json");

  @TempDir Path dir;

  private Command abusedesk(String... args) {
    List<String> command = new java.util.ArrayList<>();
    command.add(LAUNCHER.toString());
    command.addAll(List.of(args));
    return Command.run(command, Map.of(), dir);
  }

  @Test
  void invokesAFunctionWithAnEventFileAndPrintsItsAnswer() {
    Command run =
        abusedesk(
            "lambda",
            "invoke",
            "--handler",
            "health-event",
            "--data-dir",
            dir.toString(),
            DOS.toString());
    Command cases = abusedesk("cases", "list", "--data-dir", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("{\"key\":\"events:1c9a3e6f-7b2d-4d0e-9a41-5f0c8d2e7b11\"")
        .contains("\"outcome\":\"opened\"");
    assertThat(run.err()).contains("New AWS abuse report");
    assertThat(cases.out()).contains("20816735");
  }

  @Test
  void servesTheDeskAsAFunctionUrlWould() throws java.io.IOException {
    Path config = dir.resolve("abusedesk.yaml");
    java.nio.file.Files.writeString(
        config,
        "dashboard:\n  users:\n    - {name: hanako, password_hash: \""
            + "pbkdf2-sha256$210000$c2FsdHNhbHRzYWx0c2FsdA$"
            // "correct horse", made with Python's hashlib.pbkdf2_hmac as hash-password makes it
            + "Bv55udkqC37rVDaV7NR/jAEjR4qg8UNw9urPXFTLVdE\"}\n");
    Command run =
        abusedesk(
            "lambda",
            "invoke",
            "--handler",
            "http",
            "--config",
            config.toString(),
            "--data-dir",
            dir.toString(),
            Packages.ROOT
                .resolve("lambda/src/test/resources/events/function-url-request.json")
                .toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("{\"statusCode\":200")
        .contains("\"cookies\":[\"abusedesk_session=")
        .contains("/dashboard/login");
  }

  @Test
  void namesTheHandlersWhenTheOneAskedForDoesNotExist() {
    Command run = abusedesk("--debug", "lambda", "invoke", "--handler", "sns", DOS.toString());

    assertThat(run.exitCode()).isEqualTo(64);
    assertThat(run.err())
        .startsWith(
            "abusedesk lambda invoke: --handler: no handler sns; handlers are [health-event, sqs,"
                + " ses, workmail, tick, http]; see 'abusedesk lambda invoke --help'\n");
  }
}
