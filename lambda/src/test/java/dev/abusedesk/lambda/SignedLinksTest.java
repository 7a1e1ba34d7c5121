package dev.abusedesk.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.abusedesk.config.Config;
import dev.abusedesk.installation.DataDirectory;
import dev.abusedesk.installation.Installation;
import dev.abusedesk.links.AckLinks;
import dev.abusedesk.testing.EmbeddedPostgres;
import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.LoopbackHttp;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The functions' alerts link into the dashboard as the CLI's do: a function sends the event's alert
 * to a loopback webhook, and its acknowledgement link is the one {@code ingest} would make for the
 * case and the one the dashboard accepts.
 */
class SignedLinksTest {

  private static final Instant NOW = Instant.parse("2025-10-14T04:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String SECRET = "the-dashboards-link-secret-0123456789abcdef";
  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  @TempDir Path dir;
  private final LoopbackHttp hooks = LoopbackHttp.start();

  @AfterEach
  void stop() {
    hooks.close();
  }

  /** As in a deployment: the database from the template, no data directory, the secret in env. */
  private Map<String, String> env(String dashboard) {
    Map<String, String> env = new HashMap<>();
    env.put(
        Desk.CONFIG,
        "public_url: https://desk.example.com/\n"
            + "receivers:\n  - name: hook\n    webhook: {url: \""
            + hooks.uri("/hook")
            + "\"}\n"
            + dashboard);
    env.put(Desk.DB_URL, EmbeddedPostgres.freshDatabase());
    env.put(Desk.DB_USER, "postgres");
    env.put("DASHBOARD_LINK_SECRET", SECRET);
    return env;
  }

  private JsonNode alertFromTheFunction(Map<String, String> env) {
    try (Desk desk = Desk.open(env, CLOCK, NOWHERE, dir.resolve("tmp"))) {
      Events.invoke(new HealthEventHandler(desk), Fixtures.bytes("health/abuse-dos.json"), CLOCK);
    }
    assertThat(hooks.requests("/hook")).hasSize(1);
    return Json.read(hooks.requests("/hook").get(0).body().getBytes(StandardCharsets.UTF_8));
  }

  private static String param(URI link, String name) {
    for (String pair : link.getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError(link + " has no " + name);
  }

  @Test
  void anAlertFromAFunctionCarriesTheSignedLinkIngestWouldMakeAndTheDashboardAccepts() {
    Map<String, String> env = env("dashboard:\n  link_secret: {env: DASHBOARD_LINK_SECRET}\n");

    JsonNode alert = alertFromTheFunction(env);

    long caseId = alert.path("case_id").asLong();
    URI ack = URI.create(alert.path("ack_link").asText());
    Config config = Desk.config(env);
    // The CLI's and the daemon's installation: the same configuration, its own data directory.
    try (Installation cli =
        Installation.open(config, DataDirectory.lasting(dir.resolve("data")), CLOCK, env)) {
      assertThat(ack).isEqualTo(cli.links().ackLink(caseId).orElseThrow());
      assertThat(alert.path("case_link").asText())
          .isEqualTo(cli.links().caseLink(caseId).orElseThrow().toString());
      assertThat(cli.ackLinks().orElseThrow().check(caseId, param(ack, "exp"), param(ack, "sig")))
          .isEqualTo(AckLinks.Verdict.VALID);
    }
    assertThat(ack.toString())
        .startsWith("https://desk.example.com/dashboard/ack/" + caseId + "?exp=");
  }

  @Test
  void withoutTheDashboardsSecretAFunctionSendsNoAckLinkRatherThanOneNoDashboardAccepts() {
    JsonNode alert = alertFromTheFunction(env(""));

    assertThat(alert.path("ack_link").isNull()).isTrue();
    assertThat(alert.path("case_link").asText())
        .isEqualTo("https://desk.example.com/dashboard/cases/" + alert.path("case_id").asLong());
    assertThat(Files.exists(dir.resolve("tmp").resolve("dashboard-link-secret"))).isFalse();
  }
}
