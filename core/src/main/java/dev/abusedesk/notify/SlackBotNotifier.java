package dev.abusedesk.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.abusedesk.config.ReceiverKind;
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
    ObjectNode message = SlackMessage.of(AlertText.of(alert, rendering));
    message.put("channel", kind.channel()).put("unfurl_links", false).put("unfurl_media", false);
    rendering
        .threadRef()
        .ifPresent(
            ts -> {
              message.put("thread_ts", ts);
              if (alert.type() == Alert.Type.REMINDER || alert.type() == Alert.Type.ESCALATION) {
                message.put("reply_broadcast", true);
              }
            });
    return call("chat.postMessage", message);
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
    message.put("channel", kind.channel()).put("ts", rendering.threadRef().get());
    return Optional.of(call("chat.update", message));
  }

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
