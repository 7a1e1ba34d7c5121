package dev.abusedesk.config;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a receiver is and what it needs to deliver: one record per kind. Webhook URLs of chat
 * services are credentials (anyone who has one can post), so they are {@link Secret}s; ask the
 * record for the parsed {@link URI} where it is sent.
 */
public sealed interface ReceiverKind {

  /** The key that introduces this kind in the file ({@code slack}, {@code google_chat}, ...). */
  String key();

  /** A short description that holds no secret, for summaries: {@code slack bot #C0123}. */
  String describe();

  /** A Slack incoming webhook. */
  record SlackWebhook(Secret webhookUrl) implements ReceiverKind {
    public SlackWebhook {
      HttpUrl.check(Objects.requireNonNull(webhookUrl, "webhookUrl"), "slack.webhook_url");
    }

    public URI webhookUri() {
      return HttpUrl.of(webhookUrl, "slack.webhook_url");
    }

    @Override
    public String key() {
      return "slack";
    }

    @Override
    public String describe() {
      return "slack webhook";
    }
  }

  /** A Slack app posting with {@code chat.postMessage}; a signing secret enables buttons. */
  record SlackBot(Secret botToken, String channel, URI apiUrl, Optional<Secret> signingSecret)
      implements ReceiverKind {
    public static final URI DEFAULT_API_URL = URI.create("https://slack.com/api");

    public SlackBot {
      Objects.requireNonNull(botToken, "botToken");
      Objects.requireNonNull(channel, "channel");
      HttpUrl.require(apiUrl, "slack.api_url");
      Objects.requireNonNull(signingSecret, "signingSecret");
    }

    @Override
    public String key() {
      return "slack";
    }

    @Override
    public String describe() {
      return "slack bot " + channel;
    }
  }

  /** A Microsoft Teams workflow ("When a Teams webhook request is received"). */
  record Teams(Secret workflowUrl) implements ReceiverKind {
    public Teams {
      HttpUrl.check(Objects.requireNonNull(workflowUrl, "workflowUrl"), "teams.workflow_url");
    }

    public URI workflowUri() {
      return HttpUrl.of(workflowUrl, "teams.workflow_url");
    }

    @Override
    public String key() {
      return "teams";
    }

    @Override
    public String describe() {
      return "teams workflow";
    }
  }

  /** A Google Chat space webhook. */
  record GoogleChat(Secret webhookUrl) implements ReceiverKind {
    public GoogleChat {
      HttpUrl.check(Objects.requireNonNull(webhookUrl, "webhookUrl"), "google_chat.webhook_url");
    }

    public URI webhookUri() {
      return HttpUrl.of(webhookUrl, "google_chat.webhook_url");
    }

    @Override
    public String key() {
      return "google_chat";
    }

    @Override
    public String describe() {
      return "google_chat webhook";
    }
  }

  /** A Chatwork room, posted to with an API token; mentions become {@code [To:id]}. */
  record Chatwork(Secret apiToken, String roomId, URI apiUrl, List<String> mentionAccountIds)
      implements ReceiverKind {
    public static final URI DEFAULT_API_URL = URI.create("https://api.chatwork.com/v2");

    public Chatwork {
      Objects.requireNonNull(apiToken, "apiToken");
      Objects.requireNonNull(roomId, "roomId");
      HttpUrl.require(apiUrl, "chatwork.api_url");
      mentionAccountIds = List.copyOf(mentionAccountIds);
    }

    @Override
    public String key() {
      return "chatwork";
    }

    @Override
    public String describe() {
      return "chatwork room " + roomId;
    }
  }

  /** A Discord channel webhook. */
  record Discord(Secret webhookUrl) implements ReceiverKind {
    public Discord {
      HttpUrl.check(Objects.requireNonNull(webhookUrl, "webhookUrl"), "discord.webhook_url");
    }

    public URI webhookUri() {
      return HttpUrl.of(webhookUrl, "discord.webhook_url");
    }

    @Override
    public String key() {
      return "discord";
    }

    @Override
    public String describe() {
      return "discord webhook";
    }
  }

  /**
   * A generic JSON webhook, optionally signed with HMAC-SHA256. Header values may be credentials
   * ({@code Authorization}), so they are secrets too.
   */
  record Webhook(URI url, Optional<Secret> hmacSecret, Map<String, Secret> headers)
      implements ReceiverKind {
    public Webhook {
      HttpUrl.require(url, "webhook.url");
      Objects.requireNonNull(hmacSecret, "hmacSecret");
      headers = Ordered.map(headers);
    }

    @Override
    public String key() {
      return "webhook";
    }

    @Override
    public String describe() {
      return "webhook to " + url.getHost() + (hmacSecret.isPresent() ? ", signed" : "");
    }
  }

  /** Mail through an SMTP relay. */
  record Email(
      String host,
      int port,
      boolean starttls,
      Optional<String> username,
      Optional<Secret> password,
      String from,
      List<String> to)
      implements ReceiverKind {
    public Email {
      Objects.requireNonNull(host, "host");
      Ports.require(port);
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(from, "from");
      to = List.copyOf(to);
      if (to.isEmpty()) {
        throw new IllegalArgumentException("email needs at least one recipient");
      }
    }

    @Override
    public String key() {
      return "email";
    }

    @Override
    public String describe() {
      return "email to " + String.join(", ", to) + " via " + host + ":" + port;
    }
  }

  /** A PagerDuty Events API v2 integration. */
  record PagerDuty(Secret routingKey, URI apiUrl) implements ReceiverKind {
    public static final URI DEFAULT_API_URL = URI.create("https://events.pagerduty.com");

    public PagerDuty {
      Objects.requireNonNull(routingKey, "routingKey");
      HttpUrl.require(apiUrl, "pagerduty.api_url");
    }

    @Override
    public String key() {
      return "pagerduty";
    }

    @Override
    public String describe() {
      return "pagerduty events";
    }
  }

  /** Standard output: for trying things out, and the receiver when none is configured. */
  record Console() implements ReceiverKind {
    @Override
    public String key() {
      return "console";
    }

    @Override
    public String describe() {
      return "console (standard output)";
    }
  }
}
