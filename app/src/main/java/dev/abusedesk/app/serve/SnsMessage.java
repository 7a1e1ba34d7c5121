package dev.abusedesk.app.serve;

import java.net.URI;
import java.util.Objects;

/** What an SNS HTTPS delivery turned out to be once its signature was checked. */
public sealed interface SnsMessage
    permits SnsMessage.Notification,
        SnsMessage.SubscriptionConfirmation,
        SnsMessage.UnsubscribeConfirmation,
        SnsMessage.Rejected,
        SnsMessage.Unavailable {

  /**
   * A published message, signed by SNS, from a configured topic.
   *
   * @param message the {@code Message} field as published (for EventBridge rules: the event JSON)
   */
  record Notification(String message, String topicArn, String messageId) implements SnsMessage {
    public Notification {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(topicArn, "topicArn");
      Objects.requireNonNull(messageId, "messageId");
    }
  }

  /**
   * SNS asks to confirm a subscription to a configured topic: see {@link SnsMessages#confirm}.
   *
   * @param subscribeUrl already checked to be on an SNS host
   */
  record SubscriptionConfirmation(String topicArn, URI subscribeUrl) implements SnsMessage {
    public SubscriptionConfirmation {
      Objects.requireNonNull(topicArn, "topicArn");
      Objects.requireNonNull(subscribeUrl, "subscribeUrl");
    }

    /** The URL holds the confirmation token: only its host is printed. */
    @Override
    public String toString() {
      return "SubscriptionConfirmation[topicArn="
          + topicArn
          + ", host="
          + subscribeUrl.getHost()
          + "]";
    }
  }

  /** The subscription to a configured topic was removed; nothing to do but note it. */
  record UnsubscribeConfirmation(String topicArn) implements SnsMessage {
    public UnsubscribeConfirmation {
      Objects.requireNonNull(topicArn, "topicArn");
    }
  }

  /**
   * Not a genuine SNS message for us: malformed, unsigned, badly signed, stale, from another topic
   * or with a certificate URL off SNS's hosts. Permanent: answer 4xx, keep nothing.
   */
  record Rejected(String reason) implements SnsMessage {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The signing certificate could not be fetched just now, so the signature is not known to be good
   * or bad. Temporary: answer 5xx so that SNS delivers it again.
   */
  record Unavailable(String reason) implements SnsMessage {
    public Unavailable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
