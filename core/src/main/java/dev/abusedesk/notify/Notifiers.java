package dev.abusedesk.notify;

import dev.abusedesk.config.ReceiverKind;
import java.net.URI;
import java.util.Map;

/** The notifier of each receiver kind: adding a kind is one line here. */
public final class Notifiers {

  private Notifiers() {}

  /** The headers of a JSON request. */
  static final Map<String, String> JSON = Map.of("Content-Type", "application/json; charset=utf-8");

  /** {@code path} under an API base URL, whether or not the base ends in a slash. */
  static URI endpoint(URI base, String path) {
    return URI.create(base.toString().replaceAll("/+$", "") + path);
  }

  /**
   * The notifier for {@code kind}.
   *
   * @throws IllegalArgumentException for a kind without one (a bug: every kind has one)
   */
  public static Notifier forKind(ReceiverKind kind) {
    // Java 17 has no pattern switch: one instanceof line per kind.
    if (kind instanceof ReceiverKind.SlackWebhook k) return new SlackWebhookNotifier(k);
    if (kind instanceof ReceiverKind.SlackBot k) return new SlackBotNotifier(k);
    if (kind instanceof ReceiverKind.Teams k) return new TeamsNotifier(k);
    if (kind instanceof ReceiverKind.GoogleChat k) return new GoogleChatNotifier(k);
    if (kind instanceof ReceiverKind.Chatwork k) return new ChatworkNotifier(k);
    if (kind instanceof ReceiverKind.Discord k) return new DiscordNotifier(k);
    if (kind instanceof ReceiverKind.Webhook k) return new WebhookNotifier(k);
    if (kind instanceof ReceiverKind.Email k) return new EmailNotifier(k);
    if (kind instanceof ReceiverKind.PagerDuty k) return new PagerDutyNotifier(k);
    if (kind instanceof ReceiverKind.Console) return new ConsoleNotifier();
    throw new IllegalArgumentException("no notifier for receiver kind " + kind.key());
  }
}
