package dev.abusedesk.notify;

import java.util.Optional;

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

  /**
   * The first message about the case, rewritten to show the case as it is now, for tools that can
   * edit a message they sent: the Slack bot's {@code chat.update} of {@code rendering.threadRef()}.
   * The outbox calls it after a status change, with the {@link Alert.Type#STATUS} alert, and sends
   * what it returns like any message (its answer is classified by {@link #classify}). Empty for
   * tools that cannot edit, and when there is no first message to edit.
   */
  default Optional<Outgoing> renderFirstMessageUpdate(Alert alert, Rendering rendering) {
    return Optional.empty();
  }

  /**
   * How this tool shows a digest (several cases in one message, {@link DigestText}), for tools
   * people read. Tools that take one event per case (a webhook, PagerDuty) keep the default: a
   * burst to them is never folded, only paced.
   */
  default Optional<Digests> digests() {
    return Optional.empty();
  }

  /** Renders a digest's text into what the tool takes. */
  @FunctionalInterface
  interface Digests {
    Outgoing render(AlertText digest, Rendering rendering);
  }
}
