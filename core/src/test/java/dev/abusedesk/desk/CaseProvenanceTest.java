package dev.abusedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.CaseEvent;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.cases.Outbox;
import dev.abusedesk.config.Language;
import dev.abusedesk.report.Provenance;
import dev.abusedesk.testing.Fixtures;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case page says whether each report is what AWS said, shouts when one is forged, and lets a
 * person confirm a closing mail the desk could not verify.
 */
class CaseProvenanceTest {

  @TempDir Path dir;
  DeskServer server;
  WebClient browser;

  @BeforeEach
  void start() {
    server =
        new DeskServer(
            dir, DeskSecurityTest.config(""), DeskSecurityTest.NOW, true, Optional.empty());
    browser = new WebClient(server);
    browser.login("hanako", "correct horse");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** AWS's closing mail as a server the desk does not trust passed it on: not verified. */
  static byte[] unverifiedClosingMail() {
    return new String(Fixtures.bytes("email/ec2-abuse-closed.eml"), StandardCharsets.UTF_8)
        .replace(
            "Authentication-Results: mx.example-msp.jp;",
            "Authentication-Results: mx.relay.example;")
        .getBytes(StandardCharsets.UTF_8);
  }

  private CaseStatus status(long caseId) {
    return server.pipeline.store().find(caseId).orElseThrow().status();
  }

  private long statusAlerts(long caseId) {
    return server.pipeline.outbox().entries(Set.of(Outbox.PENDING), 100).stream()
        .filter(e -> e.caseId() == caseId && e.dedupKey().contains(":status:"))
        .count();
  }

  @Test
  void eachReportShowsWhetherItIsVerifiedAndOnWhatEvidence() {
    long caseId = server.record(Fixtures.bytes("email/ec2-abuse-dos.eml"), "s1");
    server.record(unverifiedClosingMail(), "s2");

    String en = browser.get("/dashboard/cases/" + caseId).body();
    String ja = browser.get("/dashboard/cases/" + caseId + "?lang=ja").body();

    assertThat(en)
        .contains(
            "<span class=\"trust verified\">verified</span> <span class=\"basis\">dkim=pass"
                + " header.d=amazon.com, checked by mx.example-msp.jp</span>",
            "<span class=\"trust unverified\">not verified</span> <span class=\"basis\">no"
                + " Authentication-Results from mx.example-msp.jp</span>");
    assertThat(ja).contains(">検証済み</span>", ">未検証</span>");
    assertThat(en).doesNotContain("id=\"forged\"");
  }

  @Test
  void aForgedReportGetsALoudBannerInTheViewersLanguage() {
    long forged = server.record(Fixtures.bytes("email/spoofed-dkim-fail.eml"), "s1");
    long genuine = server.record(Fixtures.bytes("email/ec2-abuse-dos.eml"), "s2");
    assertThat(forged).isNotEqualTo(genuine);

    String en = browser.get("/dashboard/cases/" + forged + "?lang=en").body();
    String ja = browser.get("/dashboard/cases/" + forged + "?lang=ja").body();

    assertThat(en)
        .contains(
            "id=\"forged\" role=\"alert\">This mail claims to be AWS but failed DKIM: do not follow"
                + " its links.</p>",
            "<span class=\"trust forged\">FORGED</span> <span class=\"basis\">dkim=fail"
                + " header.d=amazon.com, checked by mx.example-msp.jp</span>",
            "<article class=\"report forged\">");
    assertThat(ja).contains("id=\"forged\"", Words.FORGED_BANNER.in(Language.JA), ">なりすまし<");
    assertThat(en).doesNotContain("<a href=\"http://aws-verify-account");
    assertThat(browser.get("/dashboard/cases/" + genuine).body()).doesNotContain("id=\"forged\"");
  }

  @Test
  void anUnverifiedClosingMailLeavesTheCaseOpenWithABannerToConfirmIt() {
    long caseId = server.record(Fixtures.bytes("email/ec2-abuse-dos.eml"), "s1");
    assertThat(server.record(unverifiedClosingMail(), "s2")).isEqualTo(caseId);

    String en = browser.get("/dashboard/cases/" + caseId + "?lang=en").body();
    String ja = browser.get("/dashboard/cases/" + caseId + "?lang=ja").body();

    assertThat(status(caseId)).isEqualTo(CaseStatus.OPEN);
    assertThat(en)
        .contains(
            "<form class=\"confirm-close\" id=\"unverified-close\" method=\"post\" action=\"/dashboard/cases/"
                + caseId
                + "/confirm\">",
            "AWS says closed — not verified. Confirm?",
            "no Authentication-Results from mx.example-msp.jp",
            "id=\"confirm-closed\"");
    assertThat(ja)
        .contains(Words.UNVERIFIED_CLOSE.in(Language.JA), Words.CONFIRM_CLOSED.in(Language.JA));
  }

  @Test
  void confirmingNeedsTheCsrfTokenThenClosesTheCaseAsTheUserAndTellsTheChat() {
    long caseId = server.record(Fixtures.bytes("email/ec2-abuse-dos.eml"), "s1");
    server.record(unverifiedClosingMail(), "s2");
    browser.get("/dashboard/cases/" + caseId);
    String path = "/dashboard/cases/" + caseId + "/confirm";
    int wakes = server.wakes.get();

    HttpResponse<String> withoutToken = browser.post(path, Map.of());
    HttpResponse<String> forgedToken = browser.post(path, Map.of("csrf", "forged"));
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(forgedToken.statusCode()).isEqualTo(403);
    assertThat(status(caseId)).isEqualTo(CaseStatus.OPEN);
    assertThat(statusAlerts(caseId)).isZero();

    HttpResponse<String> confirmed = browser.submit(path, Map.of());

    assertThat(confirmed.statusCode()).isEqualTo(303);
    assertThat(confirmed.headers().firstValue("Location")).contains("/dashboard/cases/" + caseId);
    assertThat(status(caseId)).isEqualTo(CaseStatus.CLOSED_BY_AWS);
    List<CaseEvent> history = server.pipeline.store().history(caseId);
    CaseEvent last = history.get(history.size() - 1);
    assertThat(last.actor()).isEqualTo("hanako");
    assertThat(last.toStatus()).isEqualTo(CaseStatus.CLOSED_BY_AWS);
    assertThat(statusAlerts(caseId)).isPositive();
    assertThat(server.wakes.get()).isGreaterThan(wakes);
    assertThat(browser.get("/dashboard/cases/" + caseId).body())
        .doesNotContain("id=\"unverified-close\"");
    assertThat(browser.submit(path, Map.of()).headers().firstValue("Location"))
        .contains("/dashboard/cases/" + caseId + "?problem=not-allowed");
  }

  @Test
  void aCaseWithoutAnUnverifiedClosingMailCannotBeConfirmedClosed() {
    long caseId = server.record(Fixtures.bytes("email/ec2-abuse-dos.eml"), "s1");
    String page = browser.get("/dashboard/cases/" + caseId).body();

    HttpResponse<String> confirmed =
        browser.submit("/dashboard/cases/" + caseId + "/confirm", Map.of());

    assertThat(page).doesNotContain("id=\"unverified-close\"");
    assertThat(confirmed.headers().firstValue("Location"))
        .contains("/dashboard/cases/" + caseId + "?problem=not-allowed");
    assertThat(status(caseId)).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void inLocalModeTheConfirmationIsRecordedAsLocal() {
    server.close();
    server = new DeskServer(dir.resolve("local"), "", DeskSecurityTest.NOW, true, Optional.empty());
    browser = new WebClient(server);
    long caseId = server.record(Fixtures.bytes("email/ec2-abuse-dos.eml"), "s1");
    server.record(unverifiedClosingMail(), "s2");
    browser.get("/dashboard/cases/" + caseId);

    browser.submit("/dashboard/cases/" + caseId + "/confirm", Map.of());

    List<CaseEvent> history = server.pipeline.store().history(caseId);
    assertThat(status(caseId)).isEqualTo(CaseStatus.CLOSED_BY_AWS);
    assertThat(history.get(history.size() - 1).actor()).isEqualTo("local");
  }

  @Test
  void hostileEvidenceTextIsInert() {
    String mail =
        new String(Fixtures.bytes("email/ec2-abuse-dos.eml"), StandardCharsets.UTF_8)
            .replace(
                "From: Amazon EC2 Abuse <ec2-abuse@amazon.com>",
                "From: x@evil.example'onmouseover=alert(1)&x=\"")
            .replace("Message-ID: <0100018f2a1b", "Message-ID: <0100018f2a1c");
    long caseId = server.record(mail.getBytes(StandardCharsets.UTF_8), "s3");
    String hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";

    String page = browser.get("/dashboard/cases/" + caseId).body();
    String label =
        TrustMarks.label(new Provenance(Provenance.Trust.FORGED, hostile), Language.EN).toString();

    assertThat(page)
        .contains("not from an AWS address (evil.example&#39;onmouseover=alert(1)&amp;x=");
    assertThat(page).doesNotContain("'onmouseover");
    assertThat(label)
        .contains(
            "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;")
        .doesNotContain("<script", "<img");
  }
}
