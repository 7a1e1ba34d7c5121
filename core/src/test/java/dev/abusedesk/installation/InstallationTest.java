package dev.abusedesk.installation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseQuery;
import dev.abusedesk.cases.DeskSession;
import dev.abusedesk.config.Config;
import dev.abusedesk.config.Language;
import dev.abusedesk.links.AckLinks;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.pipeline.Pipeline;
import dev.abusedesk.spool.Spooled;
import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.LoopbackHttp;
import dev.abusedesk.testing.TestClock;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One installation, wired from a configuration and a data directory: reports recorded into a real
 * SQLite store, alerts sent by the real webhook receiver to a loopback server.
 */
class InstallationTest {

  private static final Instant NOW = Instant.parse("2025-10-14T04:00:00Z");
  private static final String SECRET = "k".repeat(40);
  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  @TempDir Path dir;
  private final LoopbackHttp hooks = LoopbackHttp.start();
  private final TestClock clock = new TestClock(NOW);

  @AfterEach
  void stop() {
    hooks.close();
  }

  private Config config(String extra) {
    return Config.parse(
        "public_url: https://desk.example.com\n"
            + "receivers:\n  - name: hook\n    webhook: {url: \""
            + hooks.uri("/hook")
            + "\"}\n"
            + extra,
        dir,
        Map.of("LINK_SECRET", SECRET));
  }

  private static final String WITH_SECRET = "dashboard:\n  link_secret: {env: LINK_SECRET}\n";

  /** What ingest does with one message: spool it, record it, queue and send its alerts. */
  private JsonNode alertFor(Installation installation, String fixture) throws Exception {
    try (Pipeline pipeline = installation.pipeline("test", Deliverer.Observer.NONE, NOWHERE)) {
      Spooled.Accepted accepted =
          (Spooled.Accepted) installation.spool().put(Fixtures.bytes(fixture), "pipe");
      pipeline.recorder().take(accepted.entry());
      pipeline.queueAlerts();
      pipeline.deliver(Duration.ofSeconds(10));
    }
    assertThat(hooks.requests("/hook")).hasSize(1);
    return new ObjectMapper().readTree(hooks.requests("/hook").get(0).body());
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
  void alertsCarryTheCasePageAndAnAckLinkItsDashboardAccepts() throws Exception {
    try (Installation installation =
        Installation.open(
            config(""), DataDirectory.lasting(dir.resolve("data")), clock, Map.of())) {
      JsonNode alert = alertFor(installation, "health/abuse-dos.json");
      long caseId = alert.path("case_id").asLong();
      URI ack = URI.create(alert.path("ack_link").asText());

      assertThat(alert.path("case_link").asText())
          .isEqualTo("https://desk.example.com/dashboard/cases/" + caseId);
      assertThat(ack.toString())
          .startsWith("https://desk.example.com" + AckLinks.path(caseId) + "?exp=");
      AckLinks dashboard = installation.ackLinks().orElseThrow();
      assertThat(dashboard.check(caseId, param(ack, "exp"), param(ack, "sig")))
          .isEqualTo(AckLinks.Verdict.VALID);
      assertThat(Files.exists(dir.resolve("data").resolve("dashboard-link-secret"))).isTrue();
    }
  }

  @Test
  void whereTheDataDirectoryDoesNotLastOnlyTheConfiguredSecretSigns() throws Exception {
    Path scratch = dir.resolve("tmp");
    try (Installation unsigned =
            Installation.open(config(""), DataDirectory.scratch(scratch), clock, Map.of());
        Installation signed =
            Installation.open(
                config(WITH_SECRET), DataDirectory.scratch(dir.resolve("tmp2")), clock, Map.of())) {
      assertThat(unsigned.links().caseLink(7)).isPresent();
      assertThat(unsigned.links().ackLink(7)).isEmpty();
      assertThat(unsigned.ackLinks()).isEmpty();
      assertThat(Files.exists(scratch.resolve("dashboard-link-secret"))).isFalse();
      URI link = signed.links().ackLink(7).orElseThrow();
      assertThat(
              AckLinks.of(config(WITH_SECRET), dir.resolve("elsewhere"), clock)
                  .check(7, param(link, "exp"), param(link, "sig")))
          .isEqualTo(AckLinks.Verdict.VALID);
    }
  }

  @Test
  void theDataDirectoryIsTheGivenOneThenTheConfiguredThenTheEnvironmentsThenTheFallback() {
    DataDirectory fallback = DataDirectory.scratch(dir.resolve("tmp"));
    Config configured = Config.parse("storage:\n  data_dir: configured\n", dir, Map.of());
    Map<String, String> env = Map.of(DataDirectory.ENV, "/srv/env");

    assertThat(DataDirectory.of(Optional.of(Path.of("given")), configured, env, fallback))
        .isEqualTo(DataDirectory.lasting(Path.of("given")));
    assertThat(DataDirectory.of(Optional.empty(), configured, env, fallback))
        .isEqualTo(DataDirectory.lasting(dir.resolve("configured")));
    assertThat(DataDirectory.of(Optional.empty(), Config.defaults(), env, fallback))
        .isEqualTo(DataDirectory.lasting(Path.of("/srv/env")));
    assertThat(DataDirectory.of(Optional.empty(), Config.defaults(), Map.of(), fallback))
        .isEqualTo(fallback);
  }

  @Test
  void remindersRunWhereTheLeaseIsHeldAndNowhereElse() throws Exception {
    Path data = dir.resolve("data");
    try (Installation first =
            Installation.open(config(WITH_SECRET), DataDirectory.lasting(data), clock, Map.of());
        Installation second =
            Installation.open(config(WITH_SECRET), DataDirectory.lasting(data), clock, Map.of());
        Pipeline holder = first.pipeline("first", Deliverer.Observer.NONE, NOWHERE);
        Pipeline other = second.pipeline("second", Deliverer.Observer.NONE, NOWHERE)) {
      // Nothing is due yet, but the first takes the job's lease for two days.
      assertThat(holder.remindUnderLease("first", Duration.ofDays(2))).isZero();
      alertFor(first, "health/abuse-dos.json");
      Case c = first.store().list(CaseQuery.all()).get(0);
      clock.set(c.deadline().minus(Duration.ofMinutes(30)));

      assertThat(other.remindUnderLease("second", Duration.ofMinutes(1))).isZero();
      assertThat(holder.remindUnderLease("first", Duration.ofDays(2))).isPositive();
    }
  }

  @Test
  void installationsOnOneDatabaseShareTheDashboardsSessions() {
    Path data = dir.resolve("data");
    try (Installation first =
            Installation.open(config(""), DataDirectory.lasting(data), clock, Map.of());
        Installation second =
            Installation.open(config(""), DataDirectory.lasting(data), clock, Map.of())) {
      DeskSession opened =
          first.deskSessions().open(Optional.of("alice"), Language.EN, Duration.ofHours(8));

      assertThat(second.deskSessions().find(opened.id())).contains(opened);
      assertThat(first.deskSessions()).isSameAs(first.deskSessions());
      clock.advance(Duration.ofHours(8));
      assertThat(second.deskSessions().find(opened.id())).isEmpty();
    }
  }
}
