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

  /**
   * How many messages a second the tool takes, as its documentation says or as found safe; a
   * receiver's {@code rate_per_second} overrides it.
   */
  double defaultRatePerSecond();

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

    @Override
    public double defaultRatePerSecond() {
      return 1; // about one a second
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

    @Override
    public double defaultRatePerSecond() {
      return 1; // about one a second
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

    @Override
    public double defaultRatePerSecond() {
      return 1; // about one a second
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

    @Override
    public double defaultRatePerSecond() {
      return 1; // about one a second
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

    @Override
    public double defaultRatePerSecond() {
      return 0.9; // 10 per 10 s per room, 300 per 5 min per token
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

    @Override
    public double defaultRatePerSecond() {
      return 0.5; // 30 messages a minute per channel
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

    @Override
    public double defaultRatePerSecond() {
      return 5;
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

    @Override
    public double defaultRatePerSecond() {
      return 1; // about one a second
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

    @Override
    public double defaultRatePerSecond() {
      return 5;
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

    @Override
    public double defaultRatePerSecond() {
      return 1000;
    }
  }
}
