package dev.abusedesk.notify;

import dev.abusedesk.config.Receiver;

/** Sends to one configured receiver: its notifier renders, its transport delivers. */
public interface Sender {

  /** Sends one alert. */
  Delivery send(Receiver receiver, Alert alert, Rendering rendering);

  /**
   * Whether a burst to this receiver may be folded into digests: tools people read take them; tools
   * that take one event per case (a webhook, PagerDuty) do not.
   */
  boolean takesDigests(Receiver receiver);

  /**
   * Sends a mail to a customer's contact through {@code relay}, the {@code reply} section's SMTP
   * relay as a receiver ({@link dev.abusedesk.config.Receiver#CUSTOMER_MAIL}).
   */
  Delivery sendCustomerMail(Receiver relay, CustomerMail mail, Rendering rendering);

  /** Sends a digest; only for receivers that {@link #takesDigests take digests}. */
  Delivery sendDigest(Receiver receiver, Digest digest, Rendering rendering);
}
