package dev.abusedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.testing.Fixtures;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A customer left untold is never a silent surprise: the case page says why nobody was told. */
class CustomerNotToldTest {

  private static final Instant NOW = Instant.parse("2025-10-14T05:00:00Z");
  private static final String GLOBEX =
      "customers:\n"
          + "  notify_when: [{customer: [Globex Inc]}]\n"
          + "reply: {host: 127.0.0.1, port: 9, starttls: false, from: desk@msp.example}\n";

  @TempDir Path dir;

  private static String why(DeskServer server, long caseId) {
    WebClient team = new WebClient(server);
    team.login("hanako", "correct horse");
    String page = team.get("/dashboard/cases/" + caseId).body();
    int at = page.indexOf("id=\"no-notices\"");
    assertThat(at).as("the customer section says nobody was told").isPositive();
    return page.substring(at, page.indexOf("</p>", at));
  }

  @Test
  void withoutCustomersConfiguredThePageSaysSo() {
    try (DeskServer server =
        new DeskServer(
            dir,
            DeskSecurityTest.config(CustomerPageTest.ACCOUNTS),
            NOW,
            false,
            Optional.empty())) {
      long c = server.record(Fixtures.bytes("email/ec2-abuse-dos.eml"), "s1");

      assertThat(why(server, c)).contains("not-told-off", "customers.notify_when");
    }
  }

  @Test
  void aCaseNotifyWhenDoesNotNameSaysSo() {
    try (DeskServer server =
        new DeskServer(
            dir,
            DeskSecurityTest.config(CustomerPageTest.ACCOUNTS + GLOBEX),
            NOW,
            false,
            Optional.empty())) {
      // Acme's account: notify_when names only Globex.
      long c = server.record(Fixtures.bytes("email/ec2-abuse-dos.eml"), "s1");

      assertThat(why(server, c)).contains("not-told-no-match");
    }
  }

  @Test
  void aCaseWithOnlyAForwardSaysTheCustomerWaitsForAwsOwnWord() {
    try (DeskServer server =
        new DeskServer(
            dir,
            DeskSecurityTest.config(CustomerPageTest.ACCOUNTS + GLOBEX),
            NOW,
            false,
            Optional.empty())) {
      // A colleague's forward about Globex's account: nobody can check what it says AWS said.
      long c = server.record(Fixtures.bytes("email/forwarded-inline-gmail-en.eml"), "s1");

      assertThat(server.notices.forCase(c)).isEmpty();
      assertThat(why(server, c)).contains("not-told-unverified", "verified as AWS");
    }
  }
}
