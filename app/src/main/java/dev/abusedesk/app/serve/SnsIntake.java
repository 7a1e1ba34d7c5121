package dev.abusedesk.app.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Objects;

/**
 * What {@code POST /intake/sns} does with a body: only a verified notification is spooled (the raw
 * envelope, which the parser reads); a subscription is confirmed only for a configured topic.
 */
final class SnsIntake implements HttpIntake.SnsGate {

  private static final System.Logger LOG = System.getLogger(SnsIntake.class.getName());

  private final SnsMessages messages;

  SnsIntake(SnsMessages messages) {
    this.messages = Objects.requireNonNull(messages, "messages");
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
