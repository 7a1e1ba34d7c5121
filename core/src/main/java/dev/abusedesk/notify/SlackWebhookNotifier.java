package dev.abusedesk.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.abusedesk.config.ReceiverKind;
import java.util.Objects;
import java.util.Optional;

/**
 * A Slack incoming webhook: Block Kit JSON, answered {@code 200 ok}, or a 4xx whose body names the
 * problem ({@code invalid_payload}, {@code no_service}, {@code channel_is_archived}).
 */
final class SlackWebhookNotifier implements Notifier {

  private final ReceiverKind.SlackWebhook kind;

  SlackWebhookNotifier(ReceiverKind.SlackWebhook kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  @Override
  public Outgoing render(Alert alert, Rendering rendering) {
    return post(AlertText.of(alert, rendering));
  }

  @Override
  public Optional<Digests> digests() {
    return Optional.of((digest, rendering) -> post(digest));
  }

  private Outgoing post(AlertText text) {
    ObjectNode message = SlackMessage.of(text);
    // A report's links must not unfurl into previews that look like ours.
    message.put("unfurl_links", false).put("unfurl_media", false);
    return new Outgoing.HttpCall("POST", kind.webhookUri(), Notifiers.JSON, message.toString());
  }

  @Override
  public Delivery classify(Response response) {
    return Answers.classify(response, "", response.body());
  }

  @Override
  public String toString() {
    return "SlackWebhookNotifier[" + kind.describe() + "]";
  }
}
