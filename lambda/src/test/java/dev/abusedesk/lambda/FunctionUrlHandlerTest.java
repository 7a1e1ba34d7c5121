package dev.abusedesk.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.cases.CustomerAnswer;
import dev.abusedesk.cases.CustomerNotice;
import dev.abusedesk.config.Contact;
import dev.abusedesk.config.Language;
import dev.abusedesk.config.PasswordHash;
import dev.abusedesk.links.CustomerLinks;
import dev.abusedesk.testing.EmbeddedPostgres;
import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.LoopbackHttp;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The response desk behind a Lambda function URL, with real-shaped payload 2.0 events: the ack link
 * in a function's alert works through it, a Slack button press works through it, a login made in
 * one container holds in another (the sessions are in PostgreSQL, as in a deployment).
 */
class FunctionUrlHandlerTest {

  private static final Instant NOW = Instant.parse("2025-10-14T04:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String URL =
      "https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws/";
  private static final String LINK_SECRET = "the-desks-link-secret-0123456789abcdef";
  private static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String HASH = PasswordHash.hash("correct horse".toCharArray());
  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  @TempDir Path dir;
  private final LoopbackHttp hooks = LoopbackHttp.start();
  private final List<Desk> containers = new ArrayList<>();
  private Map<String, String> env;

  @BeforeEach
  void deploy() {
    env = new HashMap<>();
    env.put(
        Desk.CONFIG,
        "receivers:\n"
            + "  - name: hook\n    webhook: {url: \""
            + hooks.uri("/hook")
            + "\"}\n"
            + "  - name: slack\n    slack: {bot_token: {env: SLACK_BOT_TOKEN}, channel: C0123456789,"
            + " api_url: \""
            + hooks.uri("/slack")
            + "\", signing_secret: {env: SLACK_SIGNING_SECRET}}\n"
            + "dashboard:\n"
            + "  link_secret: {env: DASHBOARD_LINK_SECRET}\n"
            + "  users:\n"
            + "    - {name: hanako, password_hash: \""
            + HASH
            + "\"}\n");
    env.put(Desk.DB_URL, EmbeddedPostgres.freshDatabase());
    env.put(Desk.DB_USER, "postgres");
    env.put(Desk.PUBLIC_URL, URL);
    env.put("DASHBOARD_LINK_SECRET", LINK_SECRET);
    env.put("SLACK_BOT_TOKEN", "xoxb-1");
    env.put("SLACK_SIGNING_SECRET", SLACK_SECRET);
    hooks.on("/slack/chat.postMessage", LoopbackHttp.Answer.slackApiOk("1760414400.000100"));
  }

  @AfterEach
  void stop() {
    containers.forEach(Desk::close);
    hooks.close();
  }

  /** A new container: its own desk from the same environment, on the same database. */
  private FunctionUrlHandler container() {
    Desk desk = Desk.open(env, CLOCK, NOWHERE, dir.resolve("tmp-" + containers.size()));
    containers.add(desk);
    return new FunctionUrlHandler(desk);
  }

  /** A Health event through its function; the alert the webhook got. */
  private JsonNode alert() {
    Desk desk = Desk.open(env, CLOCK, NOWHERE, dir.resolve("tmp-health"));
    containers.add(desk);
    Events.invoke(new HealthEventHandler(desk), Fixtures.bytes("health/abuse-dos.json"), CLOCK);
    assertThat(hooks.requests("/hook")).hasSize(1);
    return Json.read(hooks.requests("/hook").get(0).body().getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] event(
      String method, String path, String query, List<String> cookies, String form) {
    ObjectNode event = (ObjectNode) Events.json("function-url-request.json");
    event.put("rawPath", path);
    event.put("rawQueryString", query);
    ObjectNode http = (ObjectNode) event.path("requestContext").path("http");
    http.put("method", method);
    http.put("path", path);
    if (!cookies.isEmpty()) {
      event
          .putArray("cookies")
          .addAll(cookies.stream().map(c -> (JsonNode) event.textNode(c)).toList());
    }
    if (form != null) {
      ((ObjectNode) event.path("headers")).put("content-type", "application/x-www-form-urlencoded");
      // A function URL hands a form over in base64.
      event.put("body", Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)));
      event.put("isBase64Encoded", true);
    }
    return Json.write(event);
  }

  private static JsonNode invoke(FunctionUrlHandler handler, byte[] event) {
    return Events.invoke(handler, event, CLOCK);
  }

  /** The session cookie a response sets, as the browser sends it back. */
  private static String session(JsonNode response) {
    for (JsonNode c : response.path("cookies")) {
      String cookie = c.asText();
      if (cookie.startsWith("abusedesk_session=")) {
        assertThat(cookie).contains("HttpOnly", "Secure", "SameSite=Strict");
        return cookie.substring(0, cookie.indexOf(';'));
      }
    }
    throw new AssertionError("no session cookie in " + response);
  }

  private static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
    assertThat(m.find()).as(name + " in the page").isTrue();
    return m.group(1);
  }

  private static String form(String... pairs) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      b.append(i == 0 ? "" : "&")
          .append(pairs[i])
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return b.toString();
  }

  /** What Slack sends: v0= and the hex HMAC-SHA256 of v0:TIMESTAMP:BODY with the app's secret. */
  private static String slackSignature(String timestamp, String body) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              SLACK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "v0="
          + java.util.HexFormat.of()
              .formatHex(
                  mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Case caseNow(long id) {
    return containers.get(0).store().find(id).orElseThrow();
  }

  @Test
  void theAckLinkInAFunctionsAlertAcknowledgesThroughTheFunctionUrlInAnotherContainer() {
    JsonNode alert = alert();
    long caseId = alert.path("case_id").asLong();
    URI link = URI.create(alert.path("ack_link").asText());
    assertThat(link.toString()).startsWith(URL + "dashboard/ack/" + caseId + "?exp=");

    JsonNode page =
        invoke(container(), event("GET", link.getRawPath(), link.getRawQuery(), List.of(), null));

    assertThat(page.path("statusCode").asInt()).isEqualTo(200);
    assertThat(page.path("headers").path("content-security-policy").asText())
        .contains("default-src 'self'");
    String html = page.path("body").asText();
    String cookie = session(page);
    // The press lands on another container: the session is in the database, not in memory.
    JsonNode pressed =
        invoke(
            container(),
            event(
                "POST",
                link.getRawPath(),
                "",
                List.of(cookie),
                form(
                    "csrf", field(html, "csrf"),
                    "exp", field(html, "exp"),
                    "sig", field(html, "sig"),
                    "name", "Hanako")));

    assertThat(pressed.path("statusCode").asInt()).isEqualTo(200);
    Case acknowledged = caseNow(caseId);
    assertThat(acknowledged.status()).isEqualTo(CaseStatus.ACKNOWLEDGED);
    assertThat(acknowledged.acknowledgedBy()).isEqualTo("Hanako");
  }

  @Test
  void aForgedOrMissingSignatureOrCsrfTokenChangesNothing() {
    JsonNode alert = alert();
    long caseId = alert.path("case_id").asLong();
    URI link = URI.create(alert.path("ack_link").asText());
    FunctionUrlHandler handler = container();

    JsonNode forged =
        invoke(
            handler,
            event("GET", "/dashboard/ack/" + caseId, "exp=99999999999&sig=AAAA", List.of(), null));
    // A real link gives a session; its POST without the page's token changes nothing.
    JsonNode page =
        invoke(handler, event("GET", link.getRawPath(), link.getRawQuery(), List.of(), null));
    String html = page.path("body").asText();
    JsonNode noCsrf =
        invoke(
            handler,
            event(
                "POST",
                link.getRawPath(),
                "",
                List.of(session(page)),
                form("exp", field(html, "exp"), "sig", field(html, "sig"), "name", "Mallory")));

    assertThat(forged.path("statusCode").asInt()).isEqualTo(403);
    // A forged link opens no session: a flood of them writes nothing to the database.
    assertThat(forged.path("cookies")).isEmpty();
    assertThat(noCsrf.path("statusCode").asInt()).isEqualTo(403);
    assertThat(caseNow(caseId).status()).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void aSlackButtonPressAcknowledgesThroughTheFunctionUrl() {
    long caseId = alert().path("case_id").asLong();
    String payload =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\",\"username\":\"hanako.s\","
            + "\"name\":\"hanako.s\"},\"actions\":[{\"action_id\":\"abusedesk_ack\",\"value\":\""
            + caseId
            + "\"}]}";
    String body = form("payload", payload);
    String ts = Long.toString(NOW.getEpochSecond());
    ObjectNode signed =
        (ObjectNode) Json.read(event("POST", "/slack/actions", "", List.of(), body));
    ((ObjectNode) signed.path("headers"))
        .put("x-slack-request-timestamp", ts)
        .put("x-slack-signature", slackSignature(ts, body));
    ObjectNode unsigned = signed.deepCopy();
    ((ObjectNode) unsigned.path("headers")).put("x-slack-signature", "v0=00");

    JsonNode refused = invoke(container(), Json.write(unsigned));
    assertThat(refused.path("statusCode").asInt()).isEqualTo(401);
    assertThat(caseNow(caseId).status()).isEqualTo(CaseStatus.OPEN);

    JsonNode answered = invoke(container(), Json.write(signed));

    assertThat(answered.path("statusCode").asInt()).isEqualTo(200);
    assertThat(caseNow(caseId).status()).isEqualTo(CaseStatus.ACKNOWLEDGED);
    assertThat(caseNow(caseId).acknowledgedBy()).isEqualTo("hanako.s");
  }

  @Test
  void aLoginHoldsAcrossContainersAndTheCaseListAndPageAnswer() {
    long caseId = alert().path("case_id").asLong();
    FunctionUrlHandler first = container();

    JsonNode anonymous = invoke(first, event("GET", "/dashboard", "", List.of(), null));
    assertThat(anonymous.path("statusCode").asInt()).isEqualTo(303);
    assertThat(anonymous.path("headers").path("location").asText()).isEqualTo("/dashboard/login");

    JsonNode loginPage = invoke(first, event("GET", "/dashboard/login", "", List.of(), null));
    String visitor = session(loginPage);
    String csrf = field(loginPage.path("body").asText(), "csrf");
    JsonNode wrong =
        invoke(
            first,
            event(
                "POST",
                "/dashboard/login",
                "",
                List.of(visitor),
                form("csrf", csrf, "user", "hanako", "password", "wrong")));
    assertThat(wrong.path("statusCode").asInt()).isEqualTo(401);

    JsonNode loggedIn =
        invoke(
            first,
            event(
                "POST",
                "/dashboard/login",
                "",
                List.of(visitor),
                form("csrf", csrf, "user", "hanako", "password", "correct horse")));
    assertThat(loggedIn.path("statusCode").asInt()).isEqualTo(303);
    String user = session(loggedIn);
    assertThat(user).isNotEqualTo(visitor);

    FunctionUrlHandler second = container();
    JsonNode list = invoke(second, event("GET", "/dashboard", "", List.of(user), null));
    JsonNode detail =
        invoke(second, event("GET", "/dashboard/cases/" + caseId, "lang=ja", List.of(user), null));
    JsonNode css = invoke(second, event("GET", "/dashboard/static/desk.css", "", List.of(), null));

    assertThat(list.path("statusCode").asInt()).isEqualTo(200);
    assertThat(list.path("body").asText()).contains("/dashboard/cases/" + caseId, "hanako");
    assertThat(detail.path("statusCode").asInt()).isEqualTo(200);
    assertThat(detail.path("body").asText()).contains("lang=\"ja\"");
    assertThat(css.path("statusCode").asInt()).isEqualTo(200);
    assertThat(css.path("headers").path("content-type").asText()).startsWith("text/css");
  }

  @Test
  void aCustomerAnswersOnTheirPageThroughTheFunctionUrlAndTheThreadHearsIt() {
    long caseId = alert().path("case_id").asLong();
    Case c = caseNow(caseId);
    CustomerNotice notice =
        containers
            .get(0)
            .installation()
            .customerNotices()
            .open(
                caseId,
                c.accounts().get(0),
                List.of(new Contact("ops@acme.example", Language.EN)),
                c.deadline().minus(Duration.ofHours(8)),
                NOW)
            .get(0);
    CustomerLinks links =
        containers.get(0).installation().ackLinks().orElseThrow().customerLinks(Duration.ofDays(7));
    URI link = links.link(notice.id(), notice.linkId()).orElseThrow();
    assertThat(link.toString()).startsWith(URL + "respond/" + notice.id() + "?l=");

    JsonNode forged =
        invoke(
            container(),
            event(
                "GET",
                link.getRawPath(),
                link.getRawQuery().replaceAll("sig=[^&]+", "sig=AAAA"),
                List.of(),
                null));
    assertThat(forged.path("statusCode").asInt()).isEqualTo(403);
    assertThat(forged.path("body").asText()).doesNotContain(c.accounts().get(0));

    JsonNode page =
        invoke(container(), event("GET", link.getRawPath(), link.getRawQuery(), List.of(), null));
    assertThat(page.path("statusCode").asInt()).isEqualTo(200);
    assertThat(page.path("body").asText()).contains(c.accounts().get(0), "name=\"verdict\"");
    String cookie = null;
    for (JsonNode set : page.path("cookies")) {
      assertThat(set.asText()).contains("Path=/respond", "HttpOnly", "Secure", "SameSite=Strict");
      cookie = set.asText().substring(0, set.asText().indexOf(';'));
    }
    assertThat(cookie).startsWith("abusedesk_respond=");
    int told = hooks.requests("/hook").size();

    JsonNode answered =
        invoke(
            container(),
            event(
                "POST",
                link.getRawPath(),
                link.getRawQuery(),
                List.of(cookie),
                form(
                    "csrf", field(page.path("body").asText(), "csrf"),
                    "verdict", "not_ours",
                    "stopped", "nothing: the instance is not ours any more",
                    "name", "Ops at Acme")));

    assertThat(answered.path("statusCode").asInt()).isEqualTo(200);
    assertThat(answered.path("body").asText()).contains("id=\"thanks\"");
    assertThat(
            containers
                .get(0)
                .installation()
                .customerNotices()
                .find(notice.id())
                .orElseThrow()
                .answer()
                .orElseThrow()
                .verdict())
        .isEqualTo(CustomerAnswer.Verdict.NOT_OURS);
    // Delivered within the request: the case's receivers heard the answer.
    assertThat(hooks.requests("/hook")).hasSizeGreaterThan(told);
    assertThat(hooks.requests("/hook").get(hooks.requests("/hook").size() - 1).body())
        .contains("nothing: the instance is not ours any more");
  }

  @Test
  void theRootLeadsToTheDeskAndAnythingElseIsNotFound() {
    FunctionUrlHandler handler = container();

    JsonNode root = invoke(handler, event("GET", "/", "", List.of(), null));
    JsonNode other = invoke(handler, event("GET", "/intake/email", "", List.of(), null));
    JsonNode doubled =
        invoke(handler, event("GET", "//evil.example/dashboard", "", List.of(), null));

    assertThat(root.path("statusCode").asInt()).isEqualTo(303);
    assertThat(root.path("headers").path("location").asText()).isEqualTo("/dashboard");
    assertThat(other.path("statusCode").asInt()).isEqualTo(404);
    assertThat(other.path("headers").path("x-content-type-options").asText()).isEqualTo("nosniff");
    assertThat(root.path("headers").path("x-frame-options").asText()).isEqualTo("DENY");
    assertThat(doubled.path("statusCode").asInt()).isEqualTo(404);
  }

  @Test
  void aSourceThatIsNotAnAddressIsRefusedWithoutLookingItUp() {
    ObjectNode event = (ObjectNode) Json.read(event("GET", "/dashboard", "", List.of(), null));
    ((ObjectNode) event.path("requestContext").path("http")).put("sourceIp", "desk.example.com");

    JsonNode answer = invoke(container(), Json.write(event));

    assertThat(answer.path("statusCode").asInt()).isEqualTo(400);
  }

  @Test
  void anEventThatIsNotAFunctionUrlsFailsTheInvocation() {
    FunctionUrlHandler handler = container();

    assertThatThrownBy(() -> invoke(handler, Events.bytes("scheduled-tick.json")))
        .hasMessageContaining("payload format 2.0");
  }

  @Test
  void withoutTheLinkSecretTheFunctionSaysWhatToSet() {
    env.remove("DASHBOARD_LINK_SECRET");
    env.put(Desk.CONFIG, "dashboard:\n  users: []\n");

    assertThatThrownBy(this::container)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dashboard.link_secret")
        .hasMessageContaining("docs/deployment/aws.md");
  }
}
