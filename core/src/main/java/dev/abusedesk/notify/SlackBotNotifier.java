package dev.abusedesk.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.config.ReceiverKind;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Slack app posting with the Web API. The first message about a case starts a thread; every later
 * one ({@link Rendering#threadRef()} is the first one's {@code ts}) goes into it, reminders and
 * escalations also to the channel. After a status change the outbox rewrites the first message with
 * {@link #renderFirstMessageUpdate}. Slack answers HTTP 200 with {@code {"ok":false}} for most
 * errors: those are failures, except the few that say "try later".
 */
final class SlackBotNotifier implements Notifier {

  /** Errors Slack documents as temporary. */
  private static final Set<String> TEMPORARY =
      Set.of(
          "ratelimited",
          "rate_limited",
          "internal_error",
          "fatal_error",
          "service_unavailable",
          "request_timeout");

  private final ReceiverKind.SlackBot kind;

  SlackBotNotifier(ReceiverKind.SlackBot kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  @Override
  public Outgoing render(Alert alert, Rendering rendering) {
    AlertText text = AlertText.of(alert, rendering);
    ObjectNode message = SlackMessage.of(text);
    if (rendering.threadRef().isEmpty()) {
      interactive(message, alert, text);
    }
    confirmClosed(message, alert, text);
    message.put("channel", kind.channel()).put("unfurl_links", false).put("unfurl_media", false);
    rendering
        .threadRef()
        .ifPresent(
            ts -> {
              message.put("thread_ts", ts);
              if (alert.type() == Alert.Type.REMINDER
                  || alert.type() == Alert.Type.ESCALATION
                  || alert.type() == Alert.Type.CUSTOMER_LATE) {
                message.put("reply_broadcast", true);
              }
            });
    return call("chat.postMessage", message);
  }

  /** A digest starts no thread: each case's later messages start their own. */
  @Override
  public Optional<Digests> digests() {
    return Optional.of(
        (digest, rendering) -> {
          ObjectNode message = SlackMessage.of(digest);
          message
              .put("channel", kind.channel())
              .put("unfurl_links", false)
              .put("unfurl_media", false);
          return call("chat.postMessage", message);
        });
  }

  /**
   * {@code chat.update} of the first message about the case ({@code rendering.threadRef()}), so
   * that it shows the case as it is now: the alert rendered as the first alert, opening with the
   * current status and who set it, and marked done once the reply is sent.
   */
  @Override
  public Optional<Outgoing> renderFirstMessageUpdate(Alert alert, Rendering rendering) {
    if (rendering.threadRef().isEmpty()) {
      return Optional.empty();
    }
    AlertText first = AlertText.of(alert.withType(Alert.Type.NEW_CASE), rendering);
    String actor = alert.actor().map(a -> Untrusted.line(a, AlertText.MAX_ITEM, "…")).orElse("");
    ObjectNode message =
        SlackMessage.of(
            first.retold(
                alert.status().awaitsReply() ? first.icon() : "✅",
                first.texts().statusLead(alert.status(), actor)));
    interactive(message, alert, first);
    message.put("channel", kind.channel()).put("ts", rendering.threadRef().get());
    return Optional.of(call("chat.update", message));
  }

  /**
   * With a signing secret, the app can receive button clicks: the acknowledgement link button
   * becomes a real button ({@code abusedesk_ack}, the case ID as its value) that the daemon's
   * {@code /slack/actions} endpoint answers. Without one, the link stays.
   */
  private void interactive(ObjectNode message, Alert alert, AlertText text) {
    if (kind.signingSecret().isEmpty()
        || alert.status() != CaseStatus.OPEN
        || alert.type() == Alert.Type.TEST) {
      return;
    }
    ArrayNode blocks = (ArrayNode) message.get("blocks");
    ArrayNode elements = null;
    for (JsonNode block : blocks) {
      if ("actions".equals(block.path("type").asText())) {
        elements = (ArrayNode) block.get("elements");
      }
    }
    if (elements == null) {
      elements = blocks.addObject().put("type", "actions").putArray("elements");
    }
    String ack = alert.ackLink().map(URI::toString).orElse(null);
    for (int i = elements.size() - 1; i >= 0; i--) {
      if (elements.get(i).path("url").asText().equals(ack)) {
        elements.remove(i);
      }
    }
    ObjectNode button = elements.insertObject(0).put("type", "button");
    button
        .putObject("text")
        .put("type", "plain_text")
        .put("text", text.texts().label(Texts.Label.ACKNOWLEDGE));
    button
        .put("action_id", ACK_ACTION)
        .put("value", Long.toString(alert.caseId()))
        .put("style", "primary");
  }

  /**
   * With a signing secret, a closing mail that could not be verified gets a button that confirms
   * it, one click in the thread instead of a trip to the case page ({@code
   * abusedesk_confirm_closed}, the case ID as its value); the daemon closes the case only if the
   * case still offers that.
   */
  private void confirmClosed(ObjectNode message, Alert alert, AlertText text) {
    if (kind.signingSecret().isEmpty() || alert.type() != Alert.Type.CLOSED_UNVERIFIED) {
      return;
    }
    ArrayNode blocks = (ArrayNode) message.get("blocks");
    ObjectNode button = blocks.addObject().put("type", "actions").putArray("elements").addObject();
    button
        .put("type", "button")
        .putObject("text")
        .put("type", "plain_text")
        .put("text", text.texts().label(Texts.Label.CONFIRM_CLOSED));
    button.put("action_id", CONFIRM_CLOSED_ACTION).put("value", Long.toString(alert.caseId()));
  }

  /** The action the daemon's Slack endpoint confirms an unverified closing for. */
  static final String CONFIRM_CLOSED_ACTION = "abusedesk_confirm_closed";

  /** The action the daemon's Slack endpoint acknowledges a case for. */
  static final String ACK_ACTION = "abusedesk_ack";

  private Outgoing.HttpCall call(String method, ObjectNode message) {
    return new Outgoing.HttpCall(
        "POST",
        Notifiers.endpoint(kind.apiUrl(), "/" + method),
        Map.of(
            "Content-Type",
            "application/json; charset=utf-8",
            "Authorization",
            "Bearer " + kind.botToken().reveal()),
        message.toString());
  }

  @Override
  public Delivery classify(Response response) {
    if (!Answers.success(response)) {
      return Answers.notSent(response, error(response).orElse(""));
    }
    JsonNode body = Answers.json(response.body());
    if (body.path("ok").asBoolean(false)) {
      return new Delivery.Sent(body.path("ts").asText(""));
    }
    String error = error(response).orElse("no ok in the answer");
    return TEMPORARY.contains(error)
        ? new Delivery.Retry(Answers.retryAfter(response).orElse(null), "slack: " + error)
        : new Delivery.Failed("slack: " + error);
  }

  private static Optional<String> error(Response response) {
    String error = Answers.json(response.body()).path("error").asText("");
    return error.isEmpty() ? Optional.empty() : Optional.of(Answers.line(error));
  }

  @Override
  public String toString() {
    return "SlackBotNotifier[" + kind.describe() + "]";
  }
}
