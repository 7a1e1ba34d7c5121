package dev.abusedesk.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.cases.Change;
import dev.abusedesk.cases.SystemNotes;
import dev.abusedesk.config.ReceiverKind;
import dev.abusedesk.config.Secret;
import dev.abusedesk.pipeline.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code POST /slack/actions}: Slack's interactivity request URL. The request signature is checked
 * (HMAC-SHA256 of {@code v0:TIMESTAMP:BODY} with a configured signing secret, the timestamp within
 * five minutes, compared in constant time); then the "Acknowledge" button acknowledges the case as
 * the Slack user, and the status change goes to the case's thread like any other.
 */
public final class SlackActions {

  static final String ACTION_ID = "abusedesk_ack";

  /** The button on an unverified closing mail's message: AWS really closed it. */
  static final String CONFIRM_CLOSED_ID = "abusedesk_confirm_closed";

  static final Duration WINDOW = Duration.ofMinutes(5);

  /** The largest payload read; the HTTP listener refuses larger bodies before reading them. */
  public static final int MAX_BODY = 64 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Secret> signingSecrets;
  private final Actions actions;
  private final Clock clock;

  public SlackActions(Pipeline pipeline, Clock clock, Runnable queued) {
    this.signingSecrets =
        pipeline.config().receivers().stream()
            .map(r -> r.kind())
            .filter(k -> k instanceof ReceiverKind.SlackBot)
            .map(k -> ((ReceiverKind.SlackBot) k).signingSecret())
            .flatMap(java.util.Optional::stream)
            .toList();
    this.actions = new Actions(pipeline, clock, queued);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Answers one request to {@code /slack/actions}. */
  public WebResponse handle(WebRequest request) {
    if (!request.isPost()) {
      return Pages.send(405, "text/plain; charset=utf-8", "method not allowed");
    }
    byte[] body = request.body();
    if (body.length > MAX_BODY) {
      return Pages.send(413, "text/plain; charset=utf-8", "too large");
    }
    String timestamp = request.first("X-Slack-Request-Timestamp").orElse(null);
    String signature = request.first("X-Slack-Signature").orElse(null);
    if (!verified(timestamp, signature, body)) {
      return Pages.send(401, "text/plain; charset=utf-8", "bad signature");
    }
    String payload = Form.parse(new String(body, StandardCharsets.UTF_8)).get("payload", "");
    JsonNode root;
    try {
      root = JSON.readTree(payload);
    } catch (IOException e) {
      return Pages.send(400, "text/plain; charset=utf-8", "no payload");
    }
    for (JsonNode action : root.path("actions")) {
      String id = action.path("action_id").asText();
      if ((ACTION_ID.equals(id) || CONFIRM_CLOSED_ID.equals(id))
          && action.path("value").asText().matches("\\d{1,15}")) {
        long caseId = Long.parseLong(action.path("value").asText());
        JsonNode user = root.path("user");
        String name =
            Actions.actor(
                firstNonBlank(
                    user.path("name").asText(""),
                    user.path("username").asText(""),
                    user.path("id").asText("slack")));
        Change change =
            ACTION_ID.equals(id)
                ? actions.move(
                    caseId, CaseStatus.ACKNOWLEDGED, name, SystemNotes.ACKNOWLEDGED_IN_SLACK)
                : actions.confirmOfferedClose(caseId, name);
        if (change instanceof Change.NoSuchCase) {
          return Pages.send(404, "text/plain; charset=utf-8", "no such case");
        }
      }
    }
    // Slack wants a 200 within three seconds; the thread hears the change through the outbox.
    return Pages.send(200, "text/plain; charset=utf-8", "");
  }

  /** Whether the request is Slack's: a fresh timestamp and a signature by a configured secret. */
  boolean verified(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
      return false;
    }
    long age = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
    if (Math.abs(age) > WINDOW.toSeconds()) {
      return false;
    }
    byte[] given = signature.getBytes(StandardCharsets.US_ASCII);
    boolean ok = false;
    for (Secret secret : signingSecrets) {
      byte[] expected = sign(secret.reveal(), timestamp, body).getBytes(StandardCharsets.US_ASCII);
      ok |= MessageDigest.isEqual(expected, given);
    }
    return ok;
  }

  /** {@code v0=} and the hex HMAC-SHA256 of {@code v0:TIMESTAMP:BODY}. */
  static String sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (!v.isBlank()) {
        return v;
      }
    }
    return "slack";
  }
}
