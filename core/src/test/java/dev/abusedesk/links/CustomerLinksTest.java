package dev.abusedesk.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.abusedesk.config.Config;
import dev.abusedesk.testing.TestClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A customer's link opens one notice's page, until it expires or the notice gets a new link. */
class CustomerLinksTest {

  private static final Instant NOW = Instant.parse("2025-10-14T04:00:00Z");
  private static final String LINK = "q4mZl0pS9xY2bC7dE1fG3hJ5kL8nP0rT2vW4yA6cE8g";
  private static final String OTHER_LINK = "Zq4mZl0pS9xY2bC7dE1fG3hJ5kL8nP0rT2vW4yA6cE8";

  @TempDir Path dir;
  private final TestClock clock = new TestClock(NOW);

  private CustomerLinks links(String secret) {
    Config config =
        Config.parse(
            "public_url: https://desk.example.com/\ndashboard:\n  link_secret: {env: S}\n",
            dir,
            Map.of("S", secret));
    return AckLinks.configured(config, clock).orElseThrow().customerLinks(Duration.ofDays(7));
  }

  private static String param(URI link, String name) {
    for (String pair : link.getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError(link + " has no " + name);
  }

  private static AckLinks.Verdict check(CustomerLinks links, long notice, URI link) {
    return links.check(notice, param(link, "l"), param(link, "exp"), param(link, "sig"));
  }

  @Test
  void aLinkOpensItsNoticeForItsValidityThenExpires() {
    CustomerLinks links = links("s".repeat(40));
    URI link = links.link(7, LINK).orElseThrow();

    assertThat(link.toString())
        .startsWith("https://desk.example.com/respond/7?l=" + LINK + "&exp=");
    assertThat(check(links, 7, link)).isEqualTo(AckLinks.Verdict.VALID);
    clock.advance(Duration.ofDays(7).plusSeconds(1));
    assertThat(check(links, 7, link)).isEqualTo(AckLinks.Verdict.EXPIRED);
  }

  @Test
  void aLinkForOneNoticeOrLinkIdOrSecretOpensNoOther() {
    CustomerLinks links = links("s".repeat(40));
    URI link = links.link(7, LINK).orElseThrow();

    assertThat(check(links, 8, link)).isEqualTo(AckLinks.Verdict.FORGED);
    assertThat(links.check(7, OTHER_LINK, param(link, "exp"), param(link, "sig")))
        .isEqualTo(AckLinks.Verdict.FORGED);
    assertThat(check(links("t".repeat(40)), 7, link)).isEqualTo(AckLinks.Verdict.FORGED);
    assertThat(links.check(7, LINK, "99999999999", param(link, "sig")))
        .isEqualTo(AckLinks.Verdict.FORGED);
    assertThat(links.check(7, null, null, null)).isEqualTo(AckLinks.Verdict.FORGED);
    assertThat(links.check(7, "short", param(link, "exp"), param(link, "sig")))
        .isEqualTo(AckLinks.Verdict.FORGED);
  }

  @Test
  void anAcknowledgementLinkIsNoCustomerLinkAndTheOtherWayRound() {
    Config config =
        Config.parse(
            "public_url: https://desk.example.com/\ndashboard:\n  link_secret: {env: S}\n",
            dir,
            Map.of("S", "s".repeat(40)));
    AckLinks ack = AckLinks.configured(config, clock).orElseThrow();
    CustomerLinks customer = ack.customerLinks(Duration.ofDays(7));
    URI ackLink = ack.link(7).orElseThrow();
    URI customerLink = customer.link(7, LINK).orElseThrow();

    assertThat(customer.check(7, LINK, param(ackLink, "exp"), param(ackLink, "sig")))
        .isEqualTo(AckLinks.Verdict.FORGED);
    assertThat(ack.check(7, param(customerLink, "exp"), param(customerLink, "sig")))
        .isEqualTo(AckLinks.Verdict.FORGED);
  }

  @Test
  void aLinkIdThatCouldBreakTheUrlIsRefused() {
    CustomerLinks links = links("s".repeat(40));

    assertThatThrownBy(() -> links.link(7, "a&b=c" + LINK))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
