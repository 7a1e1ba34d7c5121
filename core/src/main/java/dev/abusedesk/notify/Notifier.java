package dev.abusedesk.notify;

/**
 * One receiver kind: renders an alert into what its tool takes, and reads the tool's answer. Both
 * are pure, so they are golden-tested without any network; the outbox and its retries are shared by
 * every kind.
 */
public interface Notifier {

  /** The message for this alert, escaped for this tool and within its size limits. */
  Outgoing render(Alert alert, Rendering rendering);

  /**
   * Sent, retry (5xx, 429 with its Retry-After) or failed for good (other 4xx, with the reason).
   */
  Delivery classify(Response response);
}
