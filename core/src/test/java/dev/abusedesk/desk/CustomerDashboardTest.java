package dev.abusedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseEvent;
import dev.abusedesk.cases.CustomerAnswer;
import dev.abusedesk.cases.CustomerNotice;
import dev.abusedesk.config.Contact;
import dev.abusedesk.config.Language;
import dev.abusedesk.links.CustomerLinks;
import dev.abusedesk.testing.Fixtures;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The customers on the dashboard: the list's column and filter, the case page, the chart. */
class CustomerDashboardTest {

  static final Instant NOW = CustomerPageTest.NOW;

  @TempDir Path dir;
  DeskServer server;
  WebClient team;
  WebClient customer;
  long shared;
  long untold;
  CustomerNotice acme;
  CustomerNotice globex;

  @BeforeEach
  void start() {
    server =
        new DeskServer(
            dir, DeskSecurityTest.config(CustomerPageTest.ACCOUNTS), NOW, false, Optional.empty());
    team = new WebClient(server);
    customer = new WebClient(server);
    shared = server.record(Fixtures.bytes("email/ec2-abuse-multi-account.eml"), "s1");
    untold = server.record(Fixtures.bytes("email/ec2-abuse-dos.eml"), "s2");
    Case c = server.pipeline.store().find(shared).orElseThrow();
    Instant deadline = c.deadline().minus(Duration.ofHours(8));
    acme =
        server
            .notices
            .open(
                shared,
                "111122223333",
                List.of(new Contact("ops@acme.example", Language.JA)),
                deadline,
                NOW)
            .get(0);
    globex =
        server
            .notices
            .open(
                shared,
                "444455556666",
                List.of(new Contact("sec@globex.example", Language.EN)),
                deadline,
                NOW)
            .get(0);
    team.login("hanako", "correct horse");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  void answer(CustomerNotice notice, Instant at) {
    assertThat(
            server.notices.answer(
                notice.id(),
                notice.linkId(),
                new CustomerAnswer(
                    CustomerAnswer.Verdict.OURS,
                    "stopped <b>nmap</b> on i-0aaaaaaaaaaaaaaa1",
                    "security group limited to our office",
                    "",
                    "Taro Yamada",
                    at)))
        .isTrue();
  }

  static String row(String page, long caseId) {
    int at = page.indexOf("<tr data-case=\"" + caseId + "\"");
    return page.substring(at, page.indexOf("</tr>", at));
  }

  @Test
  void theListShowsWhereEachCaseStandsWithItsCustomerAndFiltersOnIt() {
    String list = team.get("/dashboard?lang=en").body();
    assertThat(row(list, shared)).contains("customer-state notified", ">notified<");
    assertThat(row(list, untold)).contains("customer-state not_notified", ">not notified<");
    assertThat(list).contains("id=\"filter-customer_state\"");

    String notNotified = team.get("/dashboard?customer_state=not_notified").body();
    assertThat(notNotified).contains("data-case=\"" + untold + "\"");
    assertThat(notNotified).doesNotContain("data-case=\"" + shared + "\"");

    answer(acme, NOW.plus(Duration.ofHours(1)));
    // One contact answered, the other not yet: the case still waits for its customer.
    assertThat(row(team.get("/dashboard").body(), shared)).contains("customer-state notified");
    answer(globex, NOW.plus(Duration.ofHours(2)));
    String answered = team.get("/dashboard?customer_state=answered").body();
    assertThat(answered).contains("data-case=\"" + shared + "\"");
    assertThat(answered).doesNotContain("data-case=\"" + untold + "\"");
  }

  @Test
  void aContactPastTheirDeadlineIsLate() {
    server.clock.advance(Duration.between(NOW, acme.deadline()));
    team.login("hanako", "correct horse"); // The morning's session has ended meanwhile.

    String late = team.get("/dashboard?customer_state=late&lang=ja").body();

    assertThat(row(late, shared)).contains("customer-state late", "期限切れ");
  }

  @Test
  void theCasePageShowsTheNoticesAndTheAnswersBesideTheDrafts() {
    answer(acme, NOW.plus(Duration.ofHours(3)));

    String page = team.get("/dashboard/cases/" + shared + "?lang=en").body();

    assertThat(page).contains("id=\"notices\"", "ops@acme.example", "sec@globex.example", "JA");
    assertThat(page).contains("id=\"revoke-" + globex.id() + "\"", "id=\"resend-" + globex.id());
    assertThat(page).doesNotContain("id=\"revoke-" + acme.id() + "\"");
    int drafts = page.indexOf("id=\"drafts\"");
    int answers = page.indexOf("id=\"customer-answers\"");
    assertThat(answers).isGreaterThan(drafts);
    assertThat(page.substring(answers))
        .contains("Yes, it was us", "stopped &lt;b&gt;nmap&lt;/b&gt;", "security group limited")
        .contains("Taro Yamada");
    assertThat(page).contains("Customer answered: it was us");
  }

  @Test
  void aLinkIsRevokedAndResentFromTheCasePageAndTheTimelineSaysSo() {
    String before = linkOf(globex);
    team.get("/dashboard/cases/" + shared);

    HttpResponse<String> revoked =
        team.submit("/dashboard/cases/" + shared + "/revoke", Map.of("notice", "" + globex.id()));

    assertThat(revoked.statusCode()).isEqualTo(303);
    assertThat(server.notices.find(globex.id()).orElseThrow().isRevoked()).isTrue();
    assertThat(customer.get(before).statusCode()).isEqualTo(403);

    team.get("/dashboard/cases/" + shared);
    HttpResponse<String> resent =
        team.submit("/dashboard/cases/" + shared + "/resend", Map.of("notice", "" + globex.id()));

    assertThat(resent.statusCode()).isEqualTo(303);
    assertThat(resent.headers().firstValue("Location")).contains("/dashboard/cases/" + shared);
    CustomerNotice now = server.notices.find(globex.id()).orElseThrow();
    assertThat(now.isRevoked()).isFalse();
    assertThat(now.linkId()).isNotEqualTo(globex.linkId());
    assertThat(customer.get(before).statusCode()).isEqualTo(403);
    assertThat(customer.get(linkOf(now)).statusCode()).isEqualTo(200);
    assertThat(server.pipeline.store().history(shared))
        .filteredOn(e -> e.actor().equals("hanako"))
        .extracting(CaseEvent::type)
        .contains(CaseEvent.Type.CUSTOMER_LINK_REVOKED, CaseEvent.Type.CUSTOMER_LINK_REISSUED);
    String timeline = team.get("/dashboard/cases/" + shared + "?lang=en").body();
    assertThat(timeline)
        .contains("Customer link revoked: sec@globex.example")
        .contains("New customer link sent: sec@globex.example");
  }

  @Test
  void aNoticeOfAnotherCaseIsNotTouchedThroughThisOne() {
    team.get("/dashboard/cases/" + untold);

    HttpResponse<String> refused =
        team.submit("/dashboard/cases/" + untold + "/revoke", Map.of("notice", "" + acme.id()));

    assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("problem=");
    assertThat(server.notices.find(acme.id()).orElseThrow().isRevoked()).isFalse();
    // Without the token, nothing either.
    assertThat(
            team.post("/dashboard/cases/" + shared + "/revoke", Map.of("notice", "" + acme.id()))
                .statusCode())
        .isEqualTo(403);
    assertThat(server.notices.find(acme.id()).orElseThrow().isRevoked()).isFalse();
  }

  @Test
  void theChartsShowHowLongCustomersTookToAnswer() {
    answer(acme, NOW.plus(Duration.ofHours(3)));
    answer(globex, NOW.plus(Duration.ofMinutes(30)));

    String charts = team.get("/dashboard/charts?range=all&lang=en").body();

    int at = charts.indexOf("id=\"customer-response\"");
    assertThat(at).isPositive();
    String chart = charts.substring(at, charts.indexOf("</svg>", at));
    assertThat(chart)
        .contains("Customer response time")
        .contains("#" + shared + " ops@acme.example: 3.0 h")
        .contains("#" + shared + " sec@globex.example: 0.5 h")
        .contains("class=\"deadline\"");
  }

  String linkOf(CustomerNotice notice) {
    CustomerLinks links = server.ackLinks.customerLinks(Duration.ofDays(7));
    return CustomerLinks.path(notice.id())
        + "?"
        + links.query(notice.id(), notice.linkId(), NOW.plus(Duration.ofDays(7)).getEpochSecond());
  }
}
