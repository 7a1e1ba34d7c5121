package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator mistakes, in process: one line on stderr that says what, where and what to do, the
 * documented exit code, and a stack trace only with {@code --debug}.
 */
class CommandErrorsTest {

  static final String WEBHOOK = "https://hooks.example.com/services/url-s3cr3t-5eed";

  @TempDir Path dir;

  /** A configuration whose only chat receiver takes its webhook URL from the environment. */
  private Path webhookFromEnv() throws IOException {
    return Files.writeString(
        dir.resolve("abusedesk.yaml"),
        """
        receivers:
          - name: console
            console: {}
          - name: ops-slack
            slack: {webhook_url: {env: SLACK_URL}}
        """);
  }

  private String data() {
    return dir.resolve("data").toString();
  }

  @Test
  void aMissingConfigurationFileIsOneLineAndExit78() {
    Path missing = dir.resolve("nope.yaml");

    Run run = Run.of("cases", "list", "--config", missing.toString(), "--data-dir", data());

    assertThat(run.exitCode()).isEqualTo(78);
    assertThat(run.err()).isEqualTo("abusedesk: --config " + missing + ": no such file\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aBrokenConfigurationPrintsEachProblemOnItsOwnLineWithoutATrace() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("abusedesk.yaml"),
            """
            storage:
              urll: x
            receivers:
              - name: ops-slack
                slack: {webhook_url: {env: SLACK_URL}}
            """);

    Run run = Run.of("deliver", "--config", config.toString(), "--data-dir", data());

    assertThat(run.exitCode()).isEqualTo(78);
    assertThat(run.err().lines())
        .containsExactly(
            "abusedesk: --config " + config + ": storage.urll: unknown key (line 2)",
            "abusedesk: --config "
                + config
                + ": receivers[0].slack.webhook_url: environment variable SLACK_URL is not set"
                + " (line 5)");
  }

  @Test
  void serveAndDeliverRefuseToStartWithoutAReceiversSecret() throws IOException {
    Path config = webhookFromEnv();
    String line =
        "abusedesk: --config "
            + config
            + ": receivers[1].slack.webhook_url: environment variable SLACK_URL is not set"
            + " (line 5)\n";

    Run serve = Run.of("serve", "--config", config.toString(), "--data-dir", data());
    Run deliver = Run.of("deliver", "--config", config.toString(), "--data-dir", data());

    assertThat(serve.exitCode()).isEqualTo(78);
    assertThat(serve.err()).isEqualTo(line);
    assertThat(deliver.exitCode()).isEqualTo(78);
    assertThat(deliver.err()).isEqualTo(line);
  }

  @Test
  void listingCasesAndTheOutboxNeedsNoWebhookSecret() throws IOException {
    Path config = webhookFromEnv();

    Run cases = Run.of("cases", "list", "--config", config.toString(), "--data-dir", data());
    Run outbox = Run.of("outbox", "list", "--config", config.toString(), "--data-dir", data());
    Run process = Run.of("process", "--config", config.toString(), "--data-dir", data());

    assertThat(cases.exitCode()).as(cases.err()).isZero();
    assertThat(cases.err()).isEmpty();
    assertThat(outbox.exitCode()).as(outbox.err()).isZero();
    assertThat(outbox.out()).isEqualTo("the outbox is empty\n");
    assertThat(process.exitCode()).as(process.err()).isZero();
  }

  @Test
  void ingestRecordsAReportWhileAReceiverLacksItsSecretAndKeepsItsAlertQueued() throws IOException {
    Path config = webhookFromEnv();

    Run ingest =
        Run.of(
            Map.of(),
            Files.readString(Fixtures.file("email/ec2-abuse-dos.eml")),
            "ingest",
            "--config",
            config.toString(),
            "--data-dir",
            data(),
            "--deliver-within",
            "2s");
    Run outbox =
        Run.of("outbox", "list", "--json", "--config", config.toString(), "--data-dir", data());

    assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    assertThat(outbox.out())
        .contains("\"receiver\":\"ops-slack\"", "\"status\":\"pending\"")
        .contains("environment variable SLACK_URL is not set");
  }

  @Test
  void theDatabaseOutOfReachIsOneLineAndExit69() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("abusedesk.yaml"),
            "storage: {url: \"jdbc:postgresql://127.0.0.1:1/desk\", username: desk, password:"
                + " {env: PGPASSWORD}}\n");

    Run run =
        Run.of(
            Map.of("PGPASSWORD", "pg-s3cr3t-1d2e"),
            "",
            "cases",
            "list",
            "--config",
            config.toString());

    assertThat(run.exitCode()).isEqualTo(69);
    assertThat(run.err().lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith(
                        "abusedesk cases list: cannot connect to PostgreSQL"
                            + " jdbc:postgresql://127.0.0.1:1/desk: ")
                    .doesNotContain("pg-s3cr3t"));
  }

  @Test
  void aDataDirectoryThatCannotBeCreatedIsOneLineAndExit74() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");

    Run run = Run.of("process", "--data-dir", file.resolve("data").toString());

    assertThat(run.exitCode()).isEqualTo(74);
    assertThat(run.err().lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith(
                        "abusedesk process: cannot create the spool under "
                            + file.resolve("data").resolve("spool")
                            + ": ")
                    .endsWith("Not a directory"));
  }

  @Test
  void anUnknownOptionIsOneLineWithTheHelpHintAndExit64() {
    Run run = Run.of("cases", "list", "--bogus");

    assertThat(run.exitCode()).isEqualTo(64);
    assertThat(run.err())
        .isEqualTo(
            "abusedesk cases list: unknown option --bogus; see 'abusedesk cases list --help'\n");
  }

  @Test
  void aMistypedCommandGetsASuggestion() {
    Run run = Run.of("cases", "lst");

    assertThat(run.exitCode()).isEqualTo(64);
    assertThat(run.err())
        .isEqualTo(
            "abusedesk cases: no command 'lst' (did you mean list?); see 'abusedesk cases"
                + " --help'\n");
  }

  @Test
  void noCommandAtAllListsTheCommands() {
    Run run = Run.of();

    assertThat(run.exitCode()).isEqualTo(64);
    assertThat(run.err().lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("abusedesk: which command? parse, ingest, process, cases, serve,")
                    .endsWith("; see 'abusedesk --help'")
                    .doesNotContain("warmup"));
  }

  @Test
  void aMissingRequiredOptionNamesIt() {
    Run run = Run.of("cases", "ack", "1");

    assertThat(run.exitCode()).isEqualTo(64);
    assertThat(run.err())
        .isEqualTo(
            "abusedesk cases ack: missing required option: '--by=NAME'; see 'abusedesk cases ack"
                + " --help'\n");
  }

  @Test
  void aValueOfTheWrongFormIsAUsageError() {
    Run deliver = Run.of("deliver", "--within", "5x", "--data-dir", data());
    Run backfill = Run.of("health", "backfill", "--days", "91");

    assertThat(deliver.exitCode()).isEqualTo(64);
    assertThat(deliver.err())
        .isEqualTo(
            "abusedesk deliver: --within: not a duration: 5x; see 'abusedesk deliver --help'\n");
    assertThat(backfill.exitCode()).isEqualTo(64);
    assertThat(backfill.err())
        .isEqualTo(
            "abusedesk health backfill: --days must be between 1 and 90 (Health keeps 90 days);"
                + " see 'abusedesk health backfill --help'\n");
  }

  @Test
  void anInputFileThatIsNotThereIsExit66() {
    Path missing = dir.resolve("nope.eml");

    Run render = Run.of("render", "--receiver", "console", missing.toString());
    Run invoke = Run.of("lambda", "invoke", "--handler", "sqs", missing.toString());

    assertThat(render.exitCode()).isEqualTo(66);
    assertThat(render.err())
        .isEqualTo("abusedesk render: cannot read " + missing + ": no such file\n");
    assertThat(invoke.exitCode()).isEqualTo(66);
    assertThat(invoke.err())
        .isEqualTo("abusedesk lambda invoke: cannot read " + missing + ": no such file\n");
  }

  @Test
  void debugPrintsTheStackTraceAfterTheLineWhereverItIsGiven() {
    Path missing = dir.resolve("nope.yaml");

    Run before = Run.of("--debug", "cases", "list", "--config", missing.toString());
    Run after = Run.of("cases", "list", "--config", missing.toString(), "--debug");
    Run without = Run.of("cases", "list", "--config", missing.toString());

    for (Run run : new Run[] {before, after}) {
      assertThat(run.exitCode()).isEqualTo(78);
      assertThat(run.err())
          .startsWith(
              "abusedesk: --config "
                  + missing
                  + ": no such file\ndev.abusedesk.config.ConfigException: ")
          .contains("\tat dev.abusedesk.app.CommonOptions.open(");
    }
    assertThat(without.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void noMessageEverCarriesASecret() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("abusedesk.yaml"),
            """
            receivers:
              - name: ops-slack
                slack: {webhook_url: "%s"}
              - name: ops-hook
                webhook: {url: "https://h.example.com", hmac_secret: {env: HOOK_KEY}}
            routes:
              - receivers: [ops-slack, ops-x]
            """
                .formatted(WEBHOOK));

    Run run = Run.of("--debug", "deliver", "--config", config.toString(), "--data-dir", data());

    assertThat(run.exitCode()).isEqualTo(78);
    assertThat(run.err()).doesNotContain("url-s3cr3t");
  }
}
