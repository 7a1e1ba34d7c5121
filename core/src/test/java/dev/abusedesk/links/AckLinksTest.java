package dev.abusedesk.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.Config;
import dev.abusedesk.notify.Alerts;
import dev.abusedesk.testing.TestClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links signed wherever an alert is made are checked by the dashboard with the same secret. */
class AckLinksTest {

  private static final Instant NOW = Instant.parse("2025-10-14T04:00:00Z");
  private static final String SECRET = "s".repeat(40);

  @TempDir Path dir;
  private final TestClock clock = new TestClock(NOW);

  private Config config(String yaml) {
    return Config.parse(yaml, dir, Map.of("LINK_SECRET", SECRET));
  }

  private Config withSecret() {
    return config(
        "public_url: https://desk.example.com/\n"
            + "dashboard:\n  link_secret: {env: LINK_SECRET}\n");
  }

  private static String query(URI link) {
    return link.getRawQuery();
  }

  private static String param(URI link, String name) {
    for (String pair : query(link).split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError(link + " has no " + name);
  }

  @Test
  void aLinkIsValidForSevenDaysThenExpired() {
    AckLinks links = AckLinks.configured(withSecret(), clock).orElseThrow();
    URI link = links.link(42).orElseThrow();

    assertThat(link.toString()).startsWith("https://desk.example.com/dashboard/ack/42?exp=");
    assertThat(links.check(42, param(link, "exp"), param(link, "sig")))
        .isEqualTo(AckLinks.Verdict.VALID);
    clock.advance(AckLinks.VALIDITY.plus(Duration.ofSeconds(1)));
    assertThat(links.check(42, param(link, "exp"), param(link, "sig")))
        .isEqualTo(AckLinks.Verdict.EXPIRED);
  }

  @Test
  void aLinkForAnotherCaseOrSignedWithAnotherSecretIsForged() {
    AckLinks links = AckLinks.configured(withSecret(), clock).orElseThrow();
    AckLinks generated = AckLinks.of(config("public_url: https://desk.example.com\n"), dir, clock);
    URI link = links.link(42).orElseThrow();
    URI other = generated.link(42).orElseThrow();

    assertThat(links.check(43, param(link, "exp"), param(link, "sig")))
        .isEqualTo(AckLinks.Verdict.FORGED);
    assertThat(links.check(42, param(other, "exp"), param(other, "sig")))
        .isEqualTo(AckLinks.Verdict.FORGED);
    assertThat(links.check(42, "later", param(link, "sig"))).isEqualTo(AckLinks.Verdict.FORGED);
  }

  @Test
  void theConfiguredSecretSignsTheSameLinkWhereverTheDataDirectoryIs() {
    URI here = AckLinks.of(withSecret(), dir.resolve("a"), clock).link(7).orElseThrow();
    URI there = AckLinks.configured(withSecret(), clock).orElseThrow().link(7).orElseThrow();

    assertThat(here).isEqualTo(there);
  }

  @Test
  void withoutAConfiguredSecretOnlyTheDataDirectoryCanSign() {
    Config config = config("public_url: https://desk.example.com\n");

    assertThat(AckLinks.configured(config, clock)).isEmpty();
    assertThat(AckLinks.of(config, dir, clock).link(7)).isPresent();
  }

  @Test
  void alertsLinkTheCasePageAndItsSignedAcknowledgement() {
    AckLinks ack = AckLinks.configured(withSecret(), clock).orElseThrow();
    Alerts.Links links =
        DashboardLinks.at(URI.create("https://desk.example.com//"), Optional.of(ack));
    Alerts.Links unsigned =
        DashboardLinks.at(URI.create("https://desk.example.com"), Optional.empty());

    assertThat(links.caseLink(7))
        .contains(URI.create("https://desk.example.com/dashboard/cases/7"));
    assertThat(links.ackLink(7)).isEqualTo(ack.link(7));
    assertThat(unsigned.caseLink(7)).isEqualTo(links.caseLink(7));
    assertThat(unsigned.ackLink(7)).isEmpty();
  }
}
