package dev.abusedesk.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.abusedesk.config.ReceiverKind;
import dev.abusedesk.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Any HTTP endpoint: the alert as JSON in a stable schema ({@code abusedesk.alert.v1}, see {@code
 * docs/receivers.md}), signed with {@code X-AbuseDesk-Signature: sha256=HEX}, the HMAC-SHA256 of
 * the body under the configured secret. The body holds {@code sent_at}, equal to {@code
 * X-AbuseDesk-Timestamp}, so the signature covers the time too. Any 2xx is success.
 */
final class WebhookNotifier implements Notifier {

  static final String SCHEMA = "abusedesk.alert.v1";
  static final String SIGNATURE = "X-AbuseDesk-Signature";
  static final String TIMESTAMP = "X-AbuseDesk-Timestamp";
  static final String EVENT_ID = "X-AbuseDesk-Event-Id";

  /** Bounds on the body: machines get more than people, but not without end. */
  static final int MAX_BYTES = 1024 * 1024;

  static final int MAX_TEXT = 8_192;
  static final int MAX_ITEMS = 1_000;

  private final ReceiverKind.Webhook kind;

  WebhookNotifier(ReceiverKind.Webhook kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  @Override
  public Outgoing render(Alert alert, Rendering rendering) {
    String body =
        Fit.withinBytes(MAX_BYTES, MAX_TEXT, budget -> body(alert, rendering, budget).toString());
    Map<String, String> headers = new LinkedHashMap<>();
    kind.headers().forEach((name, value) -> headers.put(name, value.reveal()));
    headers.put("Content-Type", "application/json; charset=utf-8");
    headers.put(TIMESTAMP, Long.toString(rendering.now().getEpochSecond()));
    headers.put(EVENT_ID, eventId(alert));
    kind.hmacSecret().ifPresent(secret -> headers.put(SIGNATURE, signature(secret, body)));
    return new Outgoing.HttpCall("POST", kind.url(), headers, body);
  }

  /** Stable across retries of one alert: receivers drop what they have already seen. */
  static String eventId(Alert alert) {
    return "case-"
        + alert.caseId()
        + "-"
        + alert.type().wire()
        + "-"
        + alert.createdAt().toEpochMilli();
  }

  /** {@code sha256=} and the hex HMAC-SHA256 of {@code body}. */
  static String signature(Secret secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256="
          + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static ObjectNode body(Alert alert, Rendering rendering, int budget) {
    AlertText text = AlertText.of(alert, rendering);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("schema", SCHEMA).put("event_id", eventId(alert)).put("type", alert.type().wire());
    out.put("case_id", alert.caseId()).put("status", alert.status().wire());
    out.put("category", alert.category().wire());
    out.put("title", text.title()).put("text", Cut.chars(text.plain(), 4 * budget, "…"));
    ArrayNode accounts = out.putArray("accounts");
    alert.accounts().stream()
        .limit(MAX_ITEMS)
        .forEach(
            a -> {
              ObjectNode node = accounts.addObject().put("id", a.id());
              optional(node, "name", a.name());
              optional(node, "customer", a.customer());
              node.put("registered", a.registered());
            });
    strings(out, "regions", alert.regions(), budget);
    strings(out, "resources", alert.resources(), budget);
    strings(out, "ips", alert.ips(), budget);
    out.put("aws_case_id", alert.awsCaseId()).put("report_kind", alert.reportKind().wire());
    out.put("channel", alert.channel().wire()).put("received_at", alert.receivedAt().toString());
    if (alert.deadline() == null) {
      out.putNull("deadline");
    } else {
      out.put("deadline", alert.deadline().toString());
    }
    Optional<java.time.Duration> left = AlertText.timeLeft(alert, rendering.now());
    if (left.isPresent()) {
      out.put("seconds_left", left.get().toSeconds());
    } else {
      out.putNull("seconds_left");
    }
    out.put("sender_verified", alert.senderVerified().wire());
    out.put("complaint_excerpt", Cut.chars(alert.complaintExcerpt(), budget, "…"));
    strings(out, "actions_taken", alert.actionsTaken(), budget);
    optional(out, "owner", alert.owner().map(o -> Cut.chars(o, budget, "…")));
    optional(out, "actor", alert.actor().map(a -> Cut.chars(a, budget, "…")));
    out.put("note", Cut.chars(alert.note(), budget, "…"));
    optional(out, "case_link", alert.caseLink().map(Object::toString));
    optional(out, "ack_link", alert.ackLink().map(Object::toString));
    strings(out, "mentions", rendering.mentions(), budget);
    out.put("language", rendering.language().wire());
    out.put("created_at", alert.createdAt().toString()).put("sent_at", rendering.now().toString());
    return out;
  }

  private static void strings(ObjectNode out, String name, List<String> values, int budget) {
    ArrayNode array = out.putArray(name);
    values.stream().limit(MAX_ITEMS).forEach(v -> array.add(Cut.chars(v, budget, "…")));
  }

  private static void optional(ObjectNode out, String name, Optional<String> value) {
    if (value.isPresent()) {
      out.put(name, value.get());
    } else {
      out.putNull(name);
    }
  }

  /** A receiver cannot know the HMAC secret, but a reason must not show it even if it did. */
  @Override
  public Delivery classify(Response response) {
    String reason = response.body();
    for (Secret secret : secrets()) {
      reason = reason.replace(secret.reveal(), "***");
    }
    return Answers.classify(response, "", reason);
  }

  private List<Secret> secrets() {
    List<Secret> all = new java.util.ArrayList<>(kind.headers().values());
    kind.hmacSecret().ifPresent(all::add);
    return all;
  }

  @Override
  public String toString() {
    return "WebhookNotifier[" + kind.describe() + "]";
  }
}
