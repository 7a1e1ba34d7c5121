package dev.abusedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.cases.Outbox;
import dev.abusedesk.config.PasswordHash;
import dev.abusedesk.links.AckLinks;
import dev.abusedesk.testing.Fixtures;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may do what on the dashboard, and what a hostile report can and cannot do to it. */
class DeskSecurityTest {

  static final Instant NOW = Instant.parse("2025-10-14T05:00:00Z");
  static final String HASH = PasswordHash.hash("correct horse".toCharArray());
  static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

  static String config(String extra) {
    return "public_url: https://desk.example.com\n"
        + "dashboard:\n"
        + "  users:\n"
        + "    - {name: hanako, password_hash: \""
        + HASH
        + "\"}\n"
        + "  link_secret: \"0123456789abcdef0123456789abcdef\"\n"
        + "receivers:\n"
        + "  - name: slack\n"
        + "    slack: {bot_token: xoxb-1, channel: C0123456789, api_url: \"http://127.0.0.1:9/api\","
        + " signing_secret: \""
        + SLACK_SECRET
        + "\"}\n"
        + extra;
  }

  @TempDir Path dir;
  DeskServer server;
  WebClient browser;
  long caseId;

  @BeforeEach
  void start() {
    server = new DeskServer(dir, config(""), NOW, true, Optional.empty());
    browser = new WebClient(server);
    caseId = server.record(Fixtures.bytes("email/ec2-abuse-dos.eml"), "s1");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CaseStatus status() {
    return server.pipeline.store().find(caseId).orElseThrow().status();
  }

  @Test
  void nothingIsShownOrChangedWithoutALogin() {
    assertThat(browser.get("/dashboard").statusCode()).isEqualTo(303);
    assertThat(browser.get("/dashboard").headers().firstValue("Location"))
        .contains("/dashboard/login");
    assertThat(browser.get("/dashboard/cases/" + caseId).statusCode()).isEqualTo(303);
    assertThat(browser.get("/dashboard/charts").body()).doesNotContain("<svg");
    browser.get("/dashboard/login");
    HttpResponse<String> move =
        browser.submit("/dashboard/cases/" + caseId + "/move", Map.of("to", "resolved"));
    assertThat(move.statusCode()).isEqualTo(403);
    assertThat(status()).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void aUserLogsInWithTheirPasswordAndSeesTheCases() {
    HttpResponse<String> login = browser.login("hanako", "correct horse");

    assertThat(login.statusCode()).isEqualTo(303);
    assertThat(login.headers().firstValue("Set-Cookie").orElseThrow())
        .contains("HttpOnly", "SameSite=Strict", "Path=/dashboard", "Secure");
    HttpResponse<String> list = browser.get("/dashboard");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("/dashboard/cases/" + caseId);
    assertThat(list.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'");
  }

  @Test
  void aWrongPasswordIsRefusedAndGuessingIsSlowedDown() {
    for (int i = 0; i <= LoginLimiter.FREE_FAILURES; i++) {
      assertThat(browser.login("hanako", "wrong " + i).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> refused = browser.login("hanako", "correct horse");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).contains("1");
    server.clock.advance(LoginLimiter.FIRST_DELAY);
    assertThat(browser.login("hanako", "correct horse").statusCode()).isEqualTo(303);
  }

  @Test
  void sessionsExpireAfterTheConfiguredHours() {
    browser.login("hanako", "correct horse");
    server.clock.advance(Duration.ofHours(12).plusMinutes(1));

    assertThat(browser.get("/dashboard").statusCode()).isEqualTo(303);
  }

  @Test
  void everyChangeWithoutTheSessionsCsrfTokenIsRefused() {
    browser.login("hanako", "correct horse");
    browser.get("/dashboard/cases/" + caseId);
    String path = "/dashboard/cases/" + caseId + "/move";

    assertThat(browser.post(path, Map.of("to", "acknowledged")).statusCode()).isEqualTo(403);
    assertThat(browser.post(path, Map.of("to", "acknowledged", "csrf", "forged")).statusCode())
        .isEqualTo(403);
    assertThat(browser.post("/dashboard/logout", Map.of("csrf", "forged")).statusCode())
        .isEqualTo(403);
    assertThat(status()).isEqualTo(CaseStatus.OPEN);

    assertThat(browser.submit(path, Map.of("to", "acknowledged")).statusCode()).isEqualTo(303);
    assertThat(status()).isEqualTo(CaseStatus.ACKNOWLEDGED);
    assertThat(server.pipeline.store().find(caseId).orElseThrow().acknowledgedBy())
        .isEqualTo("hanako");
  }

  @Test
  void aSignedLinkOpensAConfirmPageAndOnlyThePostAcknowledges() {
    String link = server.ackLinks.link(caseId).orElseThrow().toString();
    String path = link.substring("https://desk.example.com".length());

    HttpResponse<String> page = browser.get(path);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"ack-name\"");
    assertThat(status()).isEqualTo(CaseStatus.OPEN);
    Map<String, String> query = Form.parse(link.substring(link.indexOf('?') + 1)).values();
    HttpResponse<String> done =
        browser.submit(
            AckLinks.path(caseId),
            Map.of("exp", query.get("exp"), "sig", query.get("sig"), "name", "Taro"));
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(status()).isEqualTo(CaseStatus.ACKNOWLEDGED);
    assertThat(statusAlerts()).isPositive();
    assertThat(server.wakes.get()).isPositive();
  }

  @Test
  void aUserTakenOutOfTheConfigurationIsLoggedOutEverywhereAtOnce() {
    browser.login("hanako", "correct horse");
    assertThat(browser.get("/dashboard").statusCode()).isEqualTo(200);
    server.close();

    // The same store, restarted (or another instance) without hanako among the users.
    String without = config("").replace("    - {name: hanako,", "    - {name: taro,");
    server = new DeskServer(dir, without, NOW, true, Optional.empty());
    WebClient same = browser.at(server);

    HttpResponse<String> page = same.get("/dashboard");

    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).contains("/dashboard/login");
  }

  @Test
  void forgedAndExpiredLinksAcknowledgeNothing() {
    long exp = NOW.plus(Duration.ofDays(1)).getEpochSecond();
    String forged = AckLinks.path(caseId) + "?exp=" + exp + "&sig=AAAA";
    String otherCase = AckLinks.path(caseId + 1) + "?" + server.ackLinks.query(caseId, exp);
    String link = AckLinks.path(caseId) + "?" + server.ackLinks.query(caseId, exp);

    HttpResponse<String> refused = browser.get(forged);
    assertThat(refused.statusCode()).isEqualTo(403);
    // A flood of forged links writes nothing: no session is opened for them.
    assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(browser.get(otherCase).statusCode()).isEqualTo(403);
    server.clock.advance(Duration.ofDays(2));
    assertThat(browser.get(link).statusCode()).isEqualTo(410);
    browser.get("/dashboard/login");
    HttpResponse<String> post =
        browser.submit(
            AckLinks.path(caseId),
            Map.of(
                "exp",
                Long.toString(exp),
                "sig",
                server.ackLinks.query(caseId, exp).split("sig=")[1],
                "name",
                "x"));
    assertThat(post.statusCode()).isEqualTo(410);
    assertThat(status()).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void aSignedSlackClickAcknowledgesAsTheSlackUserAndTellsTheThread() throws Exception {
    HttpResponse<String> answer = slack(SLACK_SECRET, NOW.getEpochSecond());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(status()).isEqualTo(CaseStatus.ACKNOWLEDGED);
    assertThat(server.pipeline.store().find(caseId).orElseThrow().acknowledgedBy())
        .isEqualTo("hanako.s");
    assertThat(statusAlerts()).isPositive();
  }

  @Test
  void forgedSlackSignaturesAndStaleTimestampsAreRefused() throws Exception {
    assertThat(slack("not-the-secret", NOW.getEpochSecond()).statusCode()).isEqualTo(401);
    assertThat(slack(SLACK_SECRET, NOW.minus(Duration.ofMinutes(6)).getEpochSecond()).statusCode())
        .isEqualTo(401);
    assertThat(status()).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void theSlackConfirmButtonClosesACaseOnlyWhenAnUnverifiedClosingMailWaitsForIt()
      throws Exception {
    assertThat(slack(SLACK_SECRET, NOW.getEpochSecond(), "abusedesk_confirm_closed").statusCode())
        .isEqualTo(200);
    assertThat(status()).as("nothing to confirm yet").isEqualTo(CaseStatus.OPEN);

    // AWS's closing mail, forwarded by a colleague: it cannot be verified, so it asks.
    String forwarded =
        "From: Suzuki <suzuki@example-msp.jp>\n"
            + "Subject: Fwd: Re: Your Amazon EC2 Abuse Report [20816735]\n"
            + "Date: Tue, 14 Oct 2025 12:00:00 +0000\n"
            + "Message-ID: <fwd-close@example-msp.jp>\n\n"
            + "---------- Forwarded message ---------\n"
            + "From: <ec2-abuse@amazon.com>\n"
            + "Date: Tue, 14 Oct 2025 11:00:00 +0000\n"
            + "Subject: Re: Your Amazon EC2 Abuse Report [20816735] [AWS ID 111122223333]\n\n"
            + "Hello,\n\nThank you for your response. This case has been investigated and"
            + " resolved by the AWS Abuse Team.\n\nRegards,\nAWS Abuse\n";
    server.record(forwarded.getBytes(StandardCharsets.UTF_8), "fwd-close");
    assertThat(status()).isEqualTo(CaseStatus.OPEN);

    assertThat(slack(SLACK_SECRET, NOW.getEpochSecond(), "abusedesk_confirm_closed").statusCode())
        .isEqualTo(200);

    assertThat(status()).isEqualTo(CaseStatus.CLOSED_BY_AWS);
    assertThat(server.pipeline.store().history(caseId))
        .last()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("hanako.s"));
  }

  private java.net.http.HttpResponse<String> slack(String secret, long timestamp) throws Exception {
    return slack(secret, timestamp, "abusedesk_ack");
  }

  private java.net.http.HttpResponse<String> slack(String secret, long timestamp, String action)
      throws Exception {
    String payload =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\",\"username\":\"hanako.s\","
            + "\"name\":\"hanako.s\"},\"actions\":[{\"action_id\":\""
            + action
            + "\",\"value\":\""
            + caseId
            + "\"}]}";
    String body = "payload=" + java.net.URLEncoder.encode(payload, StandardCharsets.UTF_8);
    String ts = Long.toString(timestamp);
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(server.uri("/slack/actions"))
                .header("X-Slack-Request-Timestamp", ts)
                .header(
                    "X-Slack-Signature",
                    SlackActions.sign(secret, ts, body.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  private long statusAlerts() {
    return server.pipeline.outbox().entries(Set.of(Outbox.PENDING), 100).stream()
        .filter(e -> e.dedupKey().contains(":status:"))
        .count();
  }

  @Test
  void hostileReportTextIsInertInTheListAndTheCasePage() {
    String hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)> <!channel> @here";
    String mail =
        new String(Fixtures.bytes("email/ec2-abuse-dos.eml"), StandardCharsets.UTF_8)
            .replace("Subject: UDP flood from 203.0.113.45", "Subject: " + hostile)
            .replace("Our monitoring detected", hostile + " Our monitoring detected")
            .replace("Message-ID: <0100018f2a1b", "Message-ID: <0100018f2a1c");
    long hostileCase = server.record(mail.getBytes(StandardCharsets.UTF_8), "s2");
    browser.login("hanako", "correct horse");

    String list = browser.get("/dashboard").body();
    String page = browser.get("/dashboard/cases/" + hostileCase).body();

    for (String html : new String[] {list, page}) {
      assertThat(html).doesNotContain("<script>alert", "<img src=x", "onerror=alert(2)>");
      assertThat(html).doesNotContainPattern("<script(?! src=\"/dashboard/static/desk\\.js)");
    }
    assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img");
  }

  @Test
  void staticFilesAreCachedForLongAndPagesNotAtAll() {
    HttpResponse<String> js = browser.get("/dashboard/static/desk.js");

    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000");
    assertThat(browser.get("/dashboard/login").headers().firstValue("Cache-Control"))
        .contains("no-store");
    assertThat(browser.get("/dashboard/static/../../etc/passwd").statusCode()).isEqualTo(404);
  }
}
