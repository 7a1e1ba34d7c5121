package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.LoopbackHttp;
import dev.abusedesk.testing.LoopbackHttp.Answer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render} and {@code notify-test}, in process, against a loopback server. */
class NotifyCommandsTest {

  @TempDir Path dir;
  private LoopbackHttp server;
  private Path config;

  record Run(int exitCode, String out, String err) {}

  @BeforeEach
  void setUp() throws Exception {
    server = LoopbackHttp.start();
    config =
        Files.writeString(
            dir.resolve("abusedesk.yaml"),
            "language: en\n"
                + "timezone: Asia/Tokyo\n"
                + "accounts:\n"
                + "  - {id: \"111122223333\", name: shop-prod, customer: Example Shop}\n"
                + "receivers:\n"
                + "  - name: ops-slack\n"
                + "    slack: {webhook_url: \""
                + server.uri("/services/T1/B2/SECRETSLACKPATH")
                + "\"}\n"
                + "    mentions: [\"<!subteam^S1>\"]\n"
                + "  - name: pager\n"
                + "    pagerduty: {routing_key: \"SECRETROUTINGKEY\", api_url: \""
                + server.uri("/pd")
                + "\"}\n"
                + "routes:\n"
                + "  - receivers: [ops-slack]\n");
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            java.util.Map.of(),
            new java.io.ByteArrayInputStream(new byte[0]),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void rendersTheExactBodyForAReportWithoutSendingOrShowingSecrets() {
    Run run =
        run(
            "render",
            "--receiver",
            "ops-slack",
            "--config",
            config.toString(),
            "--at",
            "2025-10-14T04:12:00Z",
            Fixtures.file("email/ec2-abuse-dos.eml").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("POST http://127.0.0.1\nContent-Type: application/json; charset=utf-8\n\n{")
        .contains("111122223333 shop-prod", "Example Shop", "<!subteam^S1>", "23 h 0 min")
        .doesNotContain("SECRETSLACKPATH");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void masksARoutingKeyThatTheBodyCarries() {
    Run run =
        run(
            "render",
            "--receiver",
            "pager",
            "--config",
            config.toString(),
            Fixtures.file("email/ec2-abuse-dos.eml").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"routing_key\":\"***\"").doesNotContain("SECRETROUTINGKEY");
  }

  @Test
  void saysWhichReceiversThereAreWhenTheNameIsUnknown() {
    Run run =
        run(
            "render",
            "--receiver",
            "nope",
            "--config",
            config.toString(),
            Fixtures.file("email/ec2-abuse-dos.eml").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no receiver nope", "ops-slack, pager");
  }

  @Test
  void rendersNothingForAMailThatIsNotAReport() {
    Run run =
        run(
            "render",
            "--receiver",
            "ops-slack",
            "--config",
            config.toString(),
            Fixtures.file("email/not-abuse-billing.eml").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("not an abuse report");
  }

  @Test
  void sendsARealTestMessageAndSaysSo() {
    server.on("/services/T1/B2/SECRETSLACKPATH", Answer.slackOk());

    Run run = run("notify-test", "--receiver", "ops-slack", "--config", config.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("sent to ops-slack (slack webhook)\n");
    assertThat(server.requests("/services/T1/B2/SECRETSLACKPATH"))
        .singleElement()
        .satisfies(
            r -> assertThat(r.body()).contains("Test message from Abuse Desk", "<!subteam^S1>"));
  }

  @Test
  void reportsAFailedTestWithTheToolsReasonAndNoSecret() {
    server.on("/services/T1/B2/SECRETSLACKPATH", Answer.of(404, "no_service"));

    Run run = run("notify-test", "--receiver", "ops-slack", "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("not sent to ops-slack: HTTP 404: no_service")
        .doesNotContain("SECRET");
  }

  @Test
  void testsAReceiverWhileAnotherLacksItsSecretAndRefusesOneWithoutItsOwn() throws Exception {
    server.on("/services/T1/B2/SECRETSLACKPATH", Answer.slackOk());
    Path partial =
        Files.writeString(
            dir.resolve("partial.yaml"),
            "receivers:\n"
                + "  - name: ops-slack\n"
                + "    slack: {webhook_url: \""
                + server.uri("/services/T1/B2/SECRETSLACKPATH")
                + "\"}\n"
                + "  - name: pager\n"
                + "    pagerduty: {routing_key: {env: PD_ROUTING_KEY}, api_url: \""
                + server.uri("/pd")
                + "\"}\n");

    Run slack = run("notify-test", "--receiver", "ops-slack", "--config", partial.toString());
    Run pager = run("notify-test", "--receiver", "pager", "--config", partial.toString());

    assertThat(slack.exitCode()).as(slack.err()).isZero();
    assertThat(server.requests("/services/T1/B2/SECRETSLACKPATH")).hasSize(1);
    assertThat(pager.exitCode()).isEqualTo(78);
    assertThat(pager.err())
        .isEqualTo(
            "abusedesk: --config "
                + partial
                + ": receivers[1].pagerduty.routing_key: environment variable PD_ROUTING_KEY is"
                + " not set (line 5)\n");
    assertThat(server.requests("/pd")).isEmpty();
  }
}
