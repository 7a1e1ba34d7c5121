package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.HealthApiStub;
import dev.abusedesk.testing.StubHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsCommandsTest {

  private static final Map<String, String> AWS =
      Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret");

  @TempDir Path dir;

  @Test
  void withoutTheLambdaJarOnTheClassPathLambdaInvokeSaysSoInOneLine() {
    // The functions run from dist's LambdaInvokeIT, with the launcher adding the Lambda jar.
    Run run =
        Run.of(
            "lambda",
            "invoke",
            "--handler",
            "health-event",
            "--data-dir",
            dir.toString(),
            Fixtures.file("health/abuse-dos.json").toString());

    assertThat(run.exitCode()).isEqualTo(69);
    assertThat(run.err())
        .isEqualTo("abusedesk lambda invoke: " + LambdaCommand.NOT_INSTALLED + "\n")
        .contains("lambda/target/abusedesk-lambda.jar");
    assertThat(run.out()).isEmpty();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void backfillsFromTheHealthApiWithAProgressBar() throws IOException {
    try (HealthApiStub api = HealthApiStub.start()) {
      Instant updated = Instant.now().minus(Duration.ofDays(30));
      for (int i = 0; i < 3; i++) {
        api.add(
            new HealthApiStub.Event(
                "arn:aws:health:us-east-1::event/ABUSE/AWS_ABUSE_DOS_REPORT/AWS_ABUSE_DOS_REPORT_"
                    + i,
                "ABUSE",
                "AWS_ABUSE_DOS_REPORT",
                "us-east-1",
                updated,
                updated.plusSeconds(i),
                "open",
                "Denial of Service (DOS) attack reported.",
                Map.of("11112222333" + i, List.of("i-0aaaa0000000000" + i))));
      }
      Path config = dir.resolve("abusedesk.yaml");
      Files.writeString(
          config, "health_api:\n  organization_view: true\n  endpoint: " + api.uri() + "\n");

      Run run =
          Run.of(
              AWS,
              "",
              "health",
              "backfill",
              "--days",
              "90",
              "--config",
              config.toString(),
              "--data-dir",
              dir.toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err()).contains("\r[").endsWith("100% 3/3 events\n");
      assertThat(run.out())
          .isEqualTo("3 events read, 3 new reports recorded (0 throttled answers waited out)\n");
    }
  }

  @Test
  void syncsTheAccountRegistryFromAwsOrganizations() throws IOException {
    try (StubHttp organizations =
        StubHttp.start(
            request ->
                StubHttp.Answer.json(
                    200,
                    "application/x-amz-json-1.1",
                    request.header("X-Amz-Target").endsWith("ListAccounts")
                        ? "{\"Accounts\":[{\"Id\":\"111122223333\",\"Name\":\"web-prod\","
                            + "\"Status\":\"ACTIVE\"}]}"
                        : "{\"Tags\":[{\"Key\":\"Customer\",\"Value\":\"Acme\"},"
                            + "{\"Key\":\"contacts\",\"Value\":\"ops@acme.example sec@acme.example:en\"},"
                            + "{\"Key\":\"env\",\"Value\":\"prod\"}]}"))) {
      Path csv = dir.resolve("accounts.csv");

      Run run =
          Run.of(
              AWS,
              "",
              "accounts",
              "sync",
              "--customer-tag",
              "Customer",
              "--contacts-tag",
              "contacts",
              "--contacts-language",
              "ja",
              "--endpoint",
              organizations.uri().toString(),
              "--output",
              csv.toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(Files.readString(csv))
          .isEqualTo(
              "id,name,customer,labels,contacts\n"
                  + "111122223333,web-prod,Acme,env=prod,ops@acme.example:ja;sec@acme.example:en\n");
    }
  }
}
