package dev.abusedesk.app.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code POST /intake/sns} does with a body: only a verified notification is spooled (the raw
 * envelope, which the parser reads); a subscription is confirmed only for a configured topic.
 */
final class SnsIntake implements HttpIntake.SnsGate {

  private static final System.Logger LOG = System.getLogger(SnsIntake.class.getName());

  private static final Set<String> TYPES =
      Set.of("Notification", "SubscriptionConfirmation", "UnsubscribeConfirmation");

  private final SnsMessages messages;

  SnsIntake(SnsMessages messages) {
    this.messages = Objects.requireNonNull(messages, "messages");
  }

  /**
   * What is checked before an SNS body is read. SNS sends the message type and the topic as headers
   * too: a POST without them, or for a topic not in {@code sns_topics} (whose messages are refused
   * anyway), is not worth reading.
   */
  static Admission.Check headerCheck(List<String> topics) {
    Set<String> configured = Set.copyOf(topics);
    return Admission.POST.and(
        (method, headers) -> {
          String type = headers.getFirst("x-amz-sns-message-type");
          if (type == null || !TYPES.contains(type)) {
            return Optional.of(Refusal.of(400, "not an SNS message"));
          }
          String topic = headers.getFirst("x-amz-sns-topic-arn");
          if (topic == null || !configured.contains(topic)) {
            return Optional.of(Refusal.of(403, "topic not configured"));
          }
          return Optional.empty();
        });
  }

  @Override
  public void handle(HttpExchange exchange, byte[] body, HttpIntake.Spooler spooler)
      throws IOException {
    SnsMessage message = messages.verify(body);
    if (message instanceof SnsMessage.Notification) {
      spooler.spool(exchange, body, "sns");
    } else if (message instanceof SnsMessage.SubscriptionConfirmation confirmation) {
      SnsMessages.Confirmation outcome = messages.confirm(confirmation);
      if (outcome instanceof SnsMessages.Confirmation.Confirmed confirmed) {
        LOG.log(
            System.Logger.Level.INFO,
            "confirmed the SNS subscription to {0}",
            confirmed.topicArn());
        Requests.json(exchange, 200, "{\"confirmed\":true}");
      } else if (outcome instanceof SnsMessages.Confirmation.Refused refused) {
        LOG.log(
            System.Logger.Level.WARNING, "SNS subscription not confirmed: {0}", refused.reason());
        Requests.error(exchange, 403, "subscription not confirmed");
      } else {
        Requests.error(exchange, 503, "try again later");
      }
    } else if (message instanceof SnsMessage.UnsubscribeConfirmation) {
      Requests.json(exchange, 200, "{}");
    } else if (message instanceof SnsMessage.Unavailable unavailable) {
      LOG.log(
          System.Logger.Level.WARNING, "SNS message not verifiable now: {0}", unavailable.reason());
      Requests.error(exchange, 503, "try again later");
    } else {
      LOG.log(
          System.Logger.Level.WARNING,
          "SNS message rejected: {0}",
          ((SnsMessage.Rejected) message).reason());
      Requests.error(exchange, 403, "not a valid SNS message");
    }
  }
}
