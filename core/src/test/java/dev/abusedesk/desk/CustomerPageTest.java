package dev.abusedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CustomerAnswer;
import dev.abusedesk.cases.CustomerNotice;
import dev.abusedesk.config.Contact;
import dev.abusedesk.config.Language;
import dev.abusedesk.links.CustomerLinks;
import dev.abusedesk.testing.Fixtures;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customer's response page, {@code /respond/ID}, through the daemon's listener: only its own
 * signed link opens it, it shows one account's part of a case, and the first valid answer lands.
 */
class CustomerPageTest {

  static final Instant NOW = Instant.parse("2025-10-25T17:00:00Z");

  static final String ACCOUNTS =
      "accounts:\n"
          + "  - {id: \"111122223333\", name: acme-prod, customer: Acme Corp,"
          + " contacts: [{email: ops@acme.example, language: ja}]}\n"
          + "  - {id: \"444455556666\", name: globex-web, customer: Globex Inc,"
          + " contacts: [{email: sec@globex.example, language: en}]}\n";

  @TempDir Path dir;
  DeskServer server;
  WebClient customer;
  long caseId;
  CustomerNotice acme;
  CustomerNotice globex;

  @BeforeEach
  void start() {
    server = new DeskServer(dir, DeskSecurityTest.config(ACCOUNTS), NOW, false, Optional.empty());
    customer = new WebClient(server);
    caseId = server.record(Fixtures.bytes("email/ec2-abuse-multi-account.eml"), "s1");
    acme = open(caseId, "111122223333", new Contact("ops@acme.example", Language.JA));
    globex = open(caseId, "444455556666", new Contact("sec@globex.example", Language.EN));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  CustomerNotice open(long id, String account, Contact contact) {
    Case c = server.pipeline.store().find(id).orElseThrow();
    return server
        .notices
        .open(id, account, List.of(contact), c.deadline().minus(Duration.ofHours(8)), NOW)
        .get(0);
  }

  /** The path and query of a notice's link, as its mail carries it. */
  String link(CustomerNotice notice) {
    return link(notice.id(), notice.linkId());
  }

  String link(long noticeId, String linkId) {
    CustomerLinks links = server.ackLinks.customerLinks(Duration.ofDays(7));
    return CustomerLinks.path(noticeId)
        + "?"
        + links.query(noticeId, linkId, NOW.plus(Duration.ofDays(7)).getEpochSecond());
  }

  Map<String, String> answer(String verdict) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("verdict", verdict);
    form.put("stopped", "stopped the scanner on i-0aaaaaaaaaaaaaaa1");
    form.put("changed", "closed port 22 to the world");
    form.put("name", "Taro Yamada");
    return form;
  }

  @Test
  void aValidLinkShowsOnlyThatAccountsPartOfTheCaseInTheContactsLanguage() {
    server.pipeline.store().note(caseId, "hanako", "internal: Acme is slow to answer", NOW);

    HttpResponse<String> page = customer.get(link(acme));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<html lang=\"ja\">", "お客様のAWSアカウント", "111122223333", "acme-prod")
        .contains("i-0aaaaaaaaaaaaaaa1", "i-0aaaaaaaaaaaaaaa2", "203.0.113.10", "203.0.113.11")
        .contains("name=\"csrf\"", "id=\"verdict-need_time\"");
    assertThat(page.body())
        .doesNotContain("444455556666", "globex", "Globex", "i-0bbbbbbbbbbbbbbb3")
        .doesNotContain("eni-0ccccccccccccccc4", "198.51.100.30", "198.51.100.31")
        .doesNotContain("sec@globex.example", "internal:", "hanako", "/dashboard/cases")
        // The complaint names both customers' addresses: it is not shown for a shared report.
        .doesNotContain("Our IDS logged");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(page.headers().firstValue("Set-Cookie").orElseThrow())
        .startsWith(CustomerPage.COOKIE + "=")
        .contains("Path=/respond", "HttpOnly", "SameSite=Strict", "Secure");

    HttpResponse<String> other = customer.get(link(globex) + "&lang=en");
    assertThat(other.body())
        .contains("<html lang=\"en\">", "444455556666", "i-0bbbbbbbbbbbbbbb3", "198.51.100.31")
        .doesNotContain("111122223333", "acme", "Acme", "203.0.113.10");
    assertThat(customer.get(link(acme) + "&lang=en").body())
        .contains("Abuse report about your AWS account");
  }

  @Test
  void forgedUnknownOtherNoticeExpiredAndReplacedLinksAreRefused() {
    String forged = link(acme).replaceAll("sig=[^&]+", "sig=AAAA");
    HttpResponse<String> refused = customer.get(forged);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("111122223333", "i-0aaaaaaaaaaaaaaa1");
    // An unknown notice with a well-signed link gets the very same answer: no oracle.
    HttpResponse<String> unknown = customer.get(link(999, acme.linkId()));
    assertThat(unknown.statusCode()).isEqualTo(403);
    assertThat(unknown.body()).isEqualTo(refused.body());
    // Globex's link ID under Acme's notice: signed for another notice, so forged.
    assertThat(customer.get(link(acme.id(), globex.linkId())).statusCode()).isEqualTo(403);
    assertThat(
            customer
                .get(link(acme).replace("/respond/" + acme.id(), "/respond/" + globex.id()))
                .statusCode())
        .isEqualTo(403);
    assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();

    String old = link(acme);
    server.notices.reissue(acme.id(), "hanako", NOW);
    assertThat(customer.get(old).statusCode()).isEqualTo(403);
    CustomerNotice reissued = server.notices.find(acme.id()).orElseThrow();
    assertThat(customer.get(link(reissued)).statusCode()).isEqualTo(200);
    server.notices.revoke(acme.id(), "hanako", NOW);
    assertThat(customer.get(link(reissued)).statusCode()).isEqualTo(403);

    server.clock.advance(Duration.ofDays(7));
    HttpResponse<String> expired = customer.get(link(globex));
    assertThat(expired.statusCode()).isEqualTo(410);
    assertThat(expired.body()).contains("ask your provider for a new link");
  }

  @Test
  void hostileReportTextIsInertAndItsLinksDefanged() {
    String hostile =
        "<script>alert(1)</script>\"><img src=x onerror=alert(2)> see https://evil.example/login";
    String mail =
        new String(Fixtures.bytes("email/ec2-abuse-dos.eml"), StandardCharsets.UTF_8)
            .replace("Our monitoring detected", hostile + " Our monitoring detected")
            .replace("Message-ID: <0100018f2a1b", "Message-ID: <0100018f2a1c");
    long hostileCase = server.record(mail.getBytes(StandardCharsets.UTF_8), "s2");
    CustomerNotice notice =
        open(hostileCase, "111122223333", new Contact("ops@acme.example", Language.EN));

    String page = customer.get(link(notice)).body();

    assertThat(page).contains("Our monitoring detected", "&lt;script&gt;alert(1)");
    assertThat(page).contains("hxxps://evil[.]example/login").doesNotContain("https://evil");
    assertThat(page).doesNotContain("<script>alert", "<img src=x", "onerror=alert(2)>");
    assertThat(page).doesNotContainPattern("<script(?! src=\"/dashboard/static/desk\\.js)");
  }

  @Test
  void theFormNeedsItsTokenAndKeepsWhatWasTyped() {
    customer.get(link(acme));
    Map<String, String> form = answer("ours");
    form.put("csrf", "not-the-token");

    HttpResponse<String> refused = customer.post(link(acme), form);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("closed port 22 to the world", "value=\"Taro Yamada\"");
    assertThat(server.notices.find(acme.id()).orElseThrow().answer()).isEmpty();
    // The page came back with a fresh token: sending again works.
    assertThat(customer.submit(link(acme), answer("ours")).statusCode()).isEqualTo(200);
  }

  @Test
  void aValidAnswerLandsOnceAndASecondIsRefusedKindly() {
    customer.get(link(acme) + "&lang=en");

    HttpResponse<String> sent = customer.submit(link(acme) + "&lang=en", answer("not_ours"));

    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(sent.body()).contains("id=\"thanks\"", "closed port 22 to the world");
    CustomerAnswer stored = server.notices.find(acme.id()).orElseThrow().answer().orElseThrow();
    assertThat(stored.verdict()).isEqualTo(CustomerAnswer.Verdict.NOT_OURS);
    assertThat(stored.name()).isEqualTo("Taro Yamada");
    assertThat(stored.answeredAt()).isEqualTo(NOW);
    // The team's thread hears it, through the outbox, and delivery is woken.
    assertThat(server.pipeline.outbox().entriesFor(caseId))
        .extracting(e -> e.receiver() + ":" + e.kind())
        .contains("slack:customer_answered");
    assertThat(server.wakes.get()).isPositive();

    Map<String, String> second = answer("ours");
    second.put("changed", "something else");
    HttpResponse<String> again = customer.submit(link(acme) + "&lang=en", second);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("id=\"already\"", "closed port 22 to the world");
    assertThat(again.body()).doesNotContain("something else");
    assertThat(server.notices.find(acme.id()).orElseThrow().answer().orElseThrow().verdict())
        .isEqualTo(CustomerAnswer.Verdict.NOT_OURS);
    assertThat(customer.get(link(acme)).body()).contains("id=\"already\"").doesNotContain("<form");
  }

  @Test
  void anAnswerThatBreaksTheRulesShowsTheProblemAndKeepsTheText() {
    customer.get(link(acme) + "&lang=en");
    Map<String, String> noReason = answer("need_time");

    HttpResponse<String> page = customer.submit(link(acme) + "&lang=en", noReason);

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body())
        .contains("Please say why you need more time.", "closed port 22 to the world")
        .contains("id=\"verdict-need_time\" checked");
    Map<String, String> tooLong = answer("ours");
    tooLong.put("changed", "x".repeat(CustomerAnswer.MAX_TEXT + 1));
    assertThat(customer.submit(link(acme) + "&lang=en", tooLong).body()).contains("too long");
    Map<String, String> none = answer("ours");
    none.remove("verdict");
    assertThat(customer.submit(link(acme) + "&lang=en", none).body())
        .contains("Please choose one of the answers.");
    assertThat(server.notices.find(acme.id()).orElseThrow().answer()).isEmpty();

    Map<String, String> withReason = answer("need_time");
    withReason.put("because", "the team that runs it is on holiday until Monday");
    assertThat(customer.submit(link(acme), withReason).statusCode()).isEqualTo(200);
    assertThat(server.notices.find(acme.id()).orElseThrow().answer().orElseThrow())
        .extracting(CustomerAnswer::moreTimeBecause)
        .isEqualTo("the team that runs it is on holiday until Monday");
  }

  @Test
  void postsAreLimitedPerNoticeWithRetryAfter() {
    customer.get(link(acme));
    Map<String, String> bad = answer("need_time");
    for (int i = 0; i < AnswerLimiter.PER_NOTICE; i++) {
      assertThat(customer.submit(link(acme), bad).statusCode()).isEqualTo(400);
    }

    HttpResponse<String> limited = customer.submit(link(acme), answer("ours"));

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("3600");
    assertThat(server.notices.find(acme.id()).orElseThrow().answer()).isEmpty();
    // Another notice still takes answers from the same address, until the address's own limit.
    customer.get(link(globex));
    assertThat(customer.submit(link(globex), answer("ours")).statusCode()).isEqualTo(200);
    server.clock.advance(AnswerLimiter.WINDOW);
    assertThat(customer.submit(link(acme), answer("ours")).statusCode()).isEqualTo(200);
  }

  @Test
  void guessingIsLimitedPerSourceAndNeverBlocksACustomersOwnLink() {
    String forged = link(acme).replaceAll("sig=[^&]+", "sig=AAAA");
    for (int i = 0; i < AnswerLimiter.PER_SOURCE; i++) {
      assertThat(customer.post(forged, answer("ours")).statusCode()).isEqualTo(403);
    }

    HttpResponse<String> limited = customer.post(forged, answer("ours"));

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    // Behind a proxy every visitor has one address: the guesses there never cost a customer.
    customer.get(link(acme));
    assertThat(customer.submit(link(acme), answer("ours")).statusCode()).isEqualTo(200);
  }
}
