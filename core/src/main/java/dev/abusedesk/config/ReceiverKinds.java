package dev.abusedesk.config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The body of each receiver kind: {@code slack: {...}}, {@code email: {...}}, ... */
final class ReceiverKinds {

  private static final Pattern DIGITS = Pattern.compile("\\d{1,20}");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /** Headers the HTTP client sets itself and refuses to take from the caller. */
  private static final Set<String> RESTRICTED_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private static final List<String> SLACK_BOT_KEYS =
      List.of("bot_token", "channel", "api_url", "signing_secret");

  private ReceiverKinds() {}

  /**
   * One kind as the file writes it: the key that introduces it, the keys its body may have (none
   * listed: any, the reader checks them) and what reads the body.
   */
  private record Body(
      String key, List<String> keys, Function<Section, Optional<ReceiverKind>> read) {}

  /**
   * Every kind the file knows, in the order problems list them: the one list of kinds (each record
   * answers the same key, as ReceiversTest checks).
   */
  private static final List<Body> BODIES =
      List.of(
          new Body(
              "slack",
              List.of("webhook_url", "bot_token", "channel", "api_url", "signing_secret"),
              ReceiverKinds::slack),
          new Body(
              "teams",
              List.of("workflow_url"),
              s -> s.requiredSecretUrl("workflow_url").map(ReceiverKind.Teams::new)),
          new Body(
              "google_chat",
              List.of("webhook_url"),
              s -> s.requiredSecretUrl("webhook_url").map(ReceiverKind.GoogleChat::new)),
          new Body(
              "chatwork",
              List.of("api_token", "room_id", "api_url", "mention_account_ids"),
              ReceiverKinds::chatwork),
          new Body(
              "discord",
              List.of("webhook_url"),
              s -> s.requiredSecretUrl("webhook_url").map(ReceiverKind.Discord::new)),
          new Body("webhook", List.of("url", "hmac_secret", "headers"), ReceiverKinds::webhook),
          new Body(
              "email",
              List.of("host", "port", "starttls", "username", "password", "from", "to"),
              ReceiverKinds::email),
          new Body("pagerduty", List.of("routing_key", "api_url"), ReceiverKinds::pagerDuty),
          new Body("console", List.of(), s -> Optional.of(console(s))));

  /** The keys that introduce a kind: {@code slack}, {@code teams}, ... */
  static final List<String> KEYS = BODIES.stream().map(Body::key).toList();

  /** The kind {@code key} introduces in {@code receiver}, read from its body. */
  static Optional<ReceiverKind> read(Section receiver, String key) {
    Body body =
        BODIES.stream()
            .filter(b -> b.key().equals(key))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("not a receiver kind: " + key));
    return receiver.section(key, body.keys().toArray(String[]::new)).flatMap(body.read());
  }

  private static Optional<ReceiverKind> slack(Section slack) {
    if (slack.has("webhook_url")) {
      for (String key : SLACK_BOT_KEYS) {
        if (slack.keys().contains(key)) {
          slack.problem(key, "not allowed with webhook_url");
        }
      }
      return slack.requiredSecretUrl("webhook_url").map(ReceiverKind.SlackWebhook::new);
    }
    if (slack.keys().stream().noneMatch(SLACK_BOT_KEYS::contains)) {
      slack.require("webhook_url");
      return Optional.empty();
    }
    Problems.Mark mark = slack.document().problems.mark();
    Optional<Secret> token = slack.requiredSecret("bot_token");
    Optional<String> channel = slack.requiredString("channel");
    URI apiUrl = slack.url("api_url").orElse(ReceiverKind.SlackBot.DEFAULT_API_URL);
    Optional<Secret> signingSecret = slack.secret("signing_secret");
    if (!mark.clean()) {
      return Optional.empty();
    }
    return Optional.of(
        new ReceiverKind.SlackBot(
            token.orElseThrow(), channel.orElseThrow(), apiUrl, signingSecret));
  }

  private static Optional<ReceiverKind> chatwork(Section chatwork) {
    Problems.Mark mark = chatwork.document().problems.mark();
    Optional<Secret> token = chatwork.requiredSecret("api_token");
    Optional<String> room = chatwork.requiredString("room_id");
    room.flatMap(ReceiverKinds::digits).ifPresent(message -> chatwork.problem("room_id", message));
    URI apiUrl = chatwork.url("api_url").orElse(ReceiverKind.Chatwork.DEFAULT_API_URL);
    List<String> mentions = chatwork.strings("mention_account_ids", ReceiverKinds::digits);
    if (!mark.clean()) {
      return Optional.empty();
    }
    return Optional.of(
        new ReceiverKind.Chatwork(token.orElseThrow(), room.orElseThrow(), apiUrl, mentions));
  }

  private static Optional<ReceiverKind> webhook(Section webhook) {
    Problems.Mark mark = webhook.document().problems.mark();
    Optional<URI> url = webhook.require("url") ? webhook.url("url") : Optional.empty();
    Optional<Secret> hmacSecret = webhook.secret("hmac_secret");
    Map<String, Secret> headers = new LinkedHashMap<>();
    webhook
        .section("headers")
        .ifPresent(
            section -> {
              for (String name : section.keys()) {
                if (!HEADER_NAME.matcher(name).matches()) {
                  section.problem(name, "not a header name");
                } else if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                  section.problem(name, "set by the HTTP client; cannot be configured");
                } else if (section.require(name)) {
                  section.secret(name).ifPresent(value -> headers.put(name, value));
                }
              }
            });
    if (!mark.clean()) {
      return Optional.empty();
    }
    return Optional.of(new ReceiverKind.Webhook(url.orElseThrow(), hmacSecret, headers));
  }

  private static Optional<ReceiverKind> email(Section email) {
    Problems.Mark mark = email.document().problems.mark();
    Optional<String> host = email.requiredHost("host");
    int port = email.port("port").orElse(Reply.DEFAULT_PORT);
    boolean starttls = email.bool("starttls").orElse(true);
    Optional<String> username = email.string("username");
    Optional<Secret> password = email.secret("password");
    email.together("username", "password");
    Optional<String> from = email.requiredEmail("from");
    List<String> to = email.emails("to");
    if (email.require("to") && email.isEmptyList("to")) {
      email.problem("to", "needs at least one address");
    }
    if (!mark.clean()) {
      return Optional.empty();
    }
    return Optional.of(
        new ReceiverKind.Email(
            host.orElseThrow(), port, starttls, username, password, from.orElseThrow(), to));
  }

  private static Optional<ReceiverKind> pagerDuty(Section pagerDuty) {
    Problems.Mark mark = pagerDuty.document().problems.mark();
    Optional<Secret> key = pagerDuty.requiredSecret("routing_key");
    URI apiUrl = pagerDuty.url("api_url").orElse(ReceiverKind.PagerDuty.DEFAULT_API_URL);
    if (!mark.clean()) {
      return Optional.empty();
    }
    return Optional.of(new ReceiverKind.PagerDuty(key.orElseThrow(), apiUrl));
  }

  private static ReceiverKind console(Section console) {
    for (String key : console.keys()) {
      console.problem(key, "unknown key");
    }
    return new ReceiverKind.Console();
  }

  /** What is wrong with {@code value} as a Chatwork ID, if anything. */
  private static Optional<String> digits(String value) {
    return DIGITS.matcher(value).matches()
        ? Optional.empty()
        : Optional.of("must be digits, got " + Document.quote(value));
  }
}
