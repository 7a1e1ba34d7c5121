package dev.abusedesk.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.abusedesk.config.ReceiverKind;
import dev.abusedesk.notify.AlertText.Fact;
import dev.abusedesk.notify.Texts.Label;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Discord channel webhook: the title and mentions as {@code content}, the rest in one embed,
 * answered 204. {@code allowed_mentions.parse} is always empty; only users and roles named in the
 * configured mentions may ping, and report text is markdown-escaped besides.
 */
final class DiscordNotifier implements Notifier {

  static final int MAX_CONTENT = 2_000;
  static final int MAX_TITLE = 256;
  static final int MAX_DESCRIPTION = 4_096;
  static final int MAX_EMBEDS = 6_000;
  static final String FOOTER = "Abuse Desk";

  private static final Pattern MARKDOWN = Pattern.compile("([\\\\*_~`|<>\\[\\]#])");
  private static final Pattern BROADCAST =
      Pattern.compile("@(everyone|here)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CONFIGURED = Pattern.compile("<@(!|&)?(\\d{1,20})>");

  private final ReceiverKind.Discord kind;

  DiscordNotifier(ReceiverKind.Discord kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  @Override
  public Outgoing render(Alert alert, Rendering rendering) {
    return post(
        AlertText.of(alert, rendering),
        alert.caseLink(),
        color(alert, rendering),
        alert.createdAt());
  }

  @Override
  public Optional<Digests> digests() {
    return Optional.of(
        (digest, rendering) -> post(digest, Optional.empty(), 0xD93025, rendering.now()));
  }

  private Outgoing post(AlertText text, Optional<URI> link, int color, Instant timestamp) {
    String cut = text.texts().truncated();
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    String head = text.icon() + " **" + text.title() + "**";
    String mentions = String.join(" ", text.mentions());
    message.put(
        "content", Cut.chars(mentions.isEmpty() ? head : mentions + "\n" + head, MAX_CONTENT, cut));
    String title = Cut.chars(text.title(), MAX_TITLE, cut);
    int room = Math.min(MAX_DESCRIPTION, MAX_EMBEDS - title.length() - FOOTER.length());
    ObjectNode embed = message.putArray("embeds").addObject();
    embed.put("title", title).put("description", Cut.chars(description(text), room, cut));
    link.ifPresent(uri -> embed.put("url", uri.toString()));
    embed.put("color", color).put("timestamp", timestamp.toString());
    embed.putObject("footer").put("text", FOOTER);
    ObjectNode allowed = message.putObject("allowed_mentions");
    allowed.putArray("parse");
    ArrayNode users = JsonNodeFactory.instance.arrayNode();
    ArrayNode roles = JsonNodeFactory.instance.arrayNode();
    Matcher m = CONFIGURED.matcher(mentions);
    while (m.find()) {
      ("&".equals(m.group(1)) ? roles : users).add(m.group(2));
    }
    if (!users.isEmpty()) {
      allowed.set("users", users);
    }
    if (!roles.isEmpty()) {
      allowed.set("roles", roles);
    }
    return new Outgoing.HttpCall("POST", kind.webhookUri(), Notifiers.JSON, message.toString());
  }

  private static String description(AlertText text) {
    StringBuilder out = new StringBuilder(escape(text.lead())).append("\n\n");
    for (Fact fact : text.facts()) {
      out.append("**")
          .append(fact.label())
          .append(":** ")
          .append(escape(fact.value()))
          .append('\n');
    }
    text.warning().ifPresent(w -> out.append("\n⚠ **").append(w).append("**\n"));
    lines(out, text, Label.AWS_ACTIONS, text.awsActions(), "• ");
    if (!text.excerpt().isEmpty()) {
      lines(out, text, Label.COMPLAINT, List.of(text.excerpt()), "> ");
    }
    if (!text.steps().isEmpty()) {
      out.append("\n**").append(text.texts().label(Label.STEPS)).append(":**\n");
      text.numberedSteps().forEach(step -> out.append(escape(step)).append('\n'));
    }
    text.links()
        .forEach(l -> out.append("\n[").append(l.label()).append("](").append(l.uri()).append(')'));
    return out.toString().strip();
  }

  private static void lines(
      StringBuilder out, AlertText text, Label label, List<String> lines, String prefix) {
    if (lines.isEmpty()) {
      return;
    }
    out.append("\n**").append(text.texts().label(label)).append(":**\n");
    lines.forEach(line -> out.append(prefix).append(escape(line)).append('\n'));
  }

  private static int color(Alert alert, Rendering rendering) {
    boolean overdue = AlertText.overdue(alert, rendering.now());
    return switch (alert.type()) {
      case NEW_CASE, ESCALATION -> 0xD93025;
      case REMINDER -> overdue ? 0xD93025 : 0xF29900;
      case UPDATE -> alert.reportKind() == dev.abusedesk.report.Kind.FINAL ? 0xD93025 : 0xF29900;
      case STATUS, CLOSED_BY_AWS -> 0x188038;
      case CLOSED_UNVERIFIED -> 0xF29900;
      case TEST -> 0x1A73E8;
      case CUSTOMER_ANSWERED -> 0x188038;
      case CUSTOMER_LATE -> 0xD93025;
    };
  }

  /** Markdown, mentions and masked links in report text are shown as written. */
  static String escape(String text) {
    String escaped = MARKDOWN.matcher(text).replaceAll("\\\\$1");
    return BROADCAST.matcher(escaped).replaceAll("@\u200B$1");
  }

  @Override
  public Delivery classify(Response response) {
    JsonNode answer = Answers.json(response.body());
    if (Answers.success(response)) {
      return new Delivery.Sent(answer.path("id").asText(""));
    }
    String reason = answer.path("message").asText("");
    if (answer.has("code")) {
      reason += " (" + answer.path("code").asText() + ")";
    }
    Delivery delivery = Answers.notSent(response, reason.isEmpty() ? response.body() : reason);
    JsonNode wait = answer.path("retry_after");
    if (delivery instanceof Delivery.Retry retry && wait.isNumber()) {
      return new Delivery.Retry(
          Answers.seconds(wait.asDouble()).orElse(retry.after()), retry.reason());
    }
    return delivery;
  }

  @Override
  public String toString() {
    return "DiscordNotifier[" + kind.describe() + "]";
  }
}
