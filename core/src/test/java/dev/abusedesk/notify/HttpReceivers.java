package dev.abusedesk.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.abusedesk.config.ReceiverKind;
import dev.abusedesk.config.Secret;
import dev.abusedesk.testing.LoopbackHttp;
import dev.abusedesk.testing.LoopbackHttp.Answer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every HTTP receiver kind pointed at a loopback server, with secrets that are easy to search for,
 * how its tool answers, and what it must never let through: the cases of the contract test.
 */
final class HttpReceivers {

  private HttpReceivers() {}

  /**
   * One kind under contract.
   *
   * @param path the path the kind posts to on the loopback server
   * @param secrets every credential of the kind: none may appear in a reason or a string form
   * @param ok the tool's success answer, and {@code ref} what Sent must carry
   * @param refused a permanent refusal as the tool words it, and {@code refusal} a word of it
   * @param inert report text that must not reach this tool as written (it would ping or link)
   * @param mentions configured mentions, which must reach the tool as written
   */
  record Spec(
      String name,
      Function<LoopbackHttp, ReceiverKind> kind,
      String path,
      List<String> secrets,
      Answer ok,
      String ref,
      Answer refused,
      String refusal,
      List<String> inert,
      List<String> mentions) {

    @Override
    public String toString() {
      return name;
    }
  }

  static final String SLACK_PATH = "/services/T0SECRET1/B0SECRET2/SECRETPATHxyz123456789";
  static final String SLACK_TOKEN = "xoxb-SECRET-TOKEN-123456";
  static final String TEAMS_SIG = "SECRETSIG123456";
  static final String GCHAT_KEY = "SECRETKEY123";
  static final String GCHAT_TOKEN = "SECRETTOKEN456";
  static final String CHATWORK_TOKEN = "SECRETCWTOKEN123456";
  static final String DISCORD_PATH = "/api/webhooks/123456/SECRETDISCORDTOKEN789";
  static final String HMAC = "SECRETHMAC123456";
  static final String AUTHORIZATION = "Bearer SECRETAUTH123456";
  static final String ROUTING_KEY = "SECRETROUTINGKEY0000000000000000";

  /** What reports may say to turn chat against its readers. */
  static final String HOSTILE =
      "<!channel> <!here> <@U123> @channel @everyone @here [toall] [To:123] [info]x[/info]"
          + " <users/all> <at>x</at> <http://x|aws.amazon.com> [click](http://x) <script>alert(1)</script>"
          + " {{DATE(2017-02-14T06:00:00Z, SHORT)}}";

  static List<Spec> all() {
    return List.of(
        new Spec(
            "slack-webhook",
            s -> new ReceiverKind.SlackWebhook(Secret.of(s.uri(SLACK_PATH).toString())),
            SLACK_PATH,
            List.of(SLACK_PATH, "SECRETPATHxyz123456789"),
            Answer.slackOk(),
            "",
            Answer.of(404, "no_service").withHeader("Content-Type", "text/html"),
            "no_service",
            List.of(
                "<!channel>",
                "<!here>",
                "<@U123>",
                "<http://x|",
                "@channel",
                "@everyone",
                "@here",
                "<script>"),
            List.of("<!subteam^S0123ABCD>")),
        new Spec(
            "slack-bot",
            s ->
                new ReceiverKind.SlackBot(
                    Secret.of(SLACK_TOKEN), "C0123456789", s.uri("/api"), Optional.empty()),
            "/api/chat.postMessage",
            List.of(SLACK_TOKEN),
            Answer.slackApiOk("1760918400.000100"),
            "1760918400.000100",
            Answer.json(404, "{\"ok\":false,\"error\":\"unknown_method\"}"),
            "unknown_method",
            List.of(
                "<!channel>",
                "<!here>",
                "<@U123>",
                "<http://x|",
                "@channel",
                "@everyone",
                "@here",
                "<script>"),
            List.of("<!subteam^S0123ABCD>")),
        new Spec(
            "teams",
            s ->
                new ReceiverKind.Teams(
                    Secret.of(
                        s.uri(
                                "/workflows/SECRETWF123/triggers/manual/paths/invoke?api-version=2016-06-01&sig="
                                    + TEAMS_SIG)
                            .toString())),
            "/workflows/SECRETWF123/triggers/manual/paths/invoke",
            List.of(TEAMS_SIG, "SECRETWF123"),
            Answer.teamsAccepted(),
            "",
            Answer.json(
                400,
                "{\"error\":{\"code\":\"InvalidRequestContent\",\"message\":\"The input body is not valid JSON.\"}}"),
            "InvalidRequestContent",
            List.of("<at>", "</at>", "{{DATE("),
            List.of("Ops on call")),
        new Spec(
            "google-chat",
            s ->
                new ReceiverKind.GoogleChat(
                    Secret.of(
                        s.uri("/v1/spaces/AAAA/messages?key=" + GCHAT_KEY + "&token=" + GCHAT_TOKEN)
                            .toString())),
            "/v1/spaces/AAAA/messages",
            List.of(GCHAT_KEY, GCHAT_TOKEN),
            Answer.googleChatOk(),
            "spaces/AAAA/messages/BBBB.BBBB",
            Answer.json(
                400,
                "{\"error\":{\"code\":400,\"message\":\"Invalid JSON payload received.\",\"status\":\"INVALID_ARGUMENT\"}}"),
            "INVALID_ARGUMENT",
            List.of("<users/all>", "<http://x|", "<script>", "<at>"),
            List.of("<users/123456789>")),
        new Spec(
            "chatwork",
            s ->
                new ReceiverKind.Chatwork(
                    Secret.of(CHATWORK_TOKEN), "123", s.uri("/chatwork/v2"), List.of("1111111")),
            "/chatwork/v2/rooms/123/messages",
            List.of(CHATWORK_TOKEN),
            Answer.chatworkOk(),
            "1",
            Answer.json(401, "{\"errors\":[\"Invalid API token\"]}"),
            "Invalid API token",
            List.of("[toall]", "[To:123]", "[info]x", "[/info] <users"),
            List.of("[To:1111111]")),
        new Spec(
            "discord",
            s -> new ReceiverKind.Discord(Secret.of(s.uri(DISCORD_PATH).toString())),
            DISCORD_PATH,
            List.of(DISCORD_PATH, "SECRETDISCORDTOKEN789"),
            Answer.discordNoContent(),
            "",
            Answer.json(404, "{\"message\":\"Unknown Webhook\",\"code\":10015}"),
            "Unknown Webhook",
            List.of("@everyone", "@here", "<@U123>", "[click](http", "<http://x|"),
            List.of("<@&222222222222222222>")),
        new Spec(
            "webhook",
            s ->
                new ReceiverKind.Webhook(
                    s.uri("/hook"),
                    Optional.of(Secret.of(HMAC)),
                    Map.of("Authorization", Secret.of(AUTHORIZATION))),
            "/hook",
            List.of(HMAC, AUTHORIZATION, "SECRETAUTH123456"),
            Answer.of(200, "thanks"),
            "",
            Answer.of(403, "signature mismatch"),
            "signature mismatch",
            List.of(),
            List.of("@oncall")),
        new Spec(
            "pagerduty",
            s -> new ReceiverKind.PagerDuty(Secret.of(ROUTING_KEY), s.uri("/pd")),
            "/pd/v2/enqueue",
            List.of(ROUTING_KEY),
            Answer.pagerDutyAccepted("abusedesk-case-42"),
            "abusedesk-case-42",
            Answer.json(
                400,
                "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[\"'routing_key' is invalid\"]}"),
            "Event object is invalid",
            List.of(),
            List.of()));
  }

  /** Every text a request carries, decoded: JSON string values, form fields, or the raw body. */
  static String texts(String contentType, String body) {
    if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
      StringBuilder out = new StringBuilder();
      for (String pair : body.split("&")) {
        out.append(
            URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8));
        out.append('\n');
      }
      return out.toString();
    }
    List<String> strings = new ArrayList<>();
    collect(GoldenRequest.parse(body), strings);
    return String.join("\n", strings);
  }

  private static void collect(JsonNode node, List<String> into) {
    if (node.isTextual()) {
      into.add(node.asText());
    }
    node.forEach(child -> collect(child, into));
  }

  static URI closedPort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/x");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
