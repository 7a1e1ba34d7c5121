package dev.abusedesk.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.abusedesk.notify.AlertText.Fact;
import dev.abusedesk.notify.Texts.Label;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Slack message in Block Kit, the same for the incoming webhook and the Web API: a header, the
 * lead with the mentions, the facts, the warning, what AWS did, the complaint, the steps and link
 * buttons, with a plain {@code text} for notifications.
 */
final class SlackMessage {

  private SlackMessage() {}

  static final int MAX_TEXT = 40_000;
  static final int MAX_SECTION = 3_000;
  static final int MAX_HEADER = 150;
  static final int MAX_BUTTON = 75;
  static final int MAX_BLOCKS = 50;

  private static final Pattern BROADCAST =
      Pattern.compile("@(channel|here|everyone)", Pattern.CASE_INSENSITIVE);

  /** The {@code text} and {@code blocks} of a message; the caller adds where it goes. */
  static ObjectNode of(AlertText text) {
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    String cut = text.texts().truncated();
    String mentions = String.join(" ", text.mentions());
    String fallback = text.icon() + " " + escape(text.title()) + "\n" + escape(text.lead());
    message.put(
        "text",
        Cut.chars(mentions.isEmpty() ? fallback : mentions + " " + fallback, MAX_TEXT, cut));
    ArrayNode blocks = message.putArray("blocks");
    ObjectNode header = blocks.addObject().put("type", "header");
    header
        .putObject("text")
        .put("type", "plain_text")
        .put("text", Cut.chars(text.icon() + " " + text.title(), MAX_HEADER, cut))
        .put("emoji", true);
    section(blocks, (mentions.isEmpty() ? "" : mentions + "\n") + escape(text.lead()), cut);
    // Facts fill as many sections as they need (a digest lists many cases): none is cut.
    StringBuilder facts = new StringBuilder();
    for (Fact fact : text.facts()) {
      String line = "*" + escape(fact.label()) + ":* " + escape(fact.value()) + "\n";
      if (facts.length() > 0 && facts.length() + line.length() > MAX_SECTION) {
        section(blocks, facts.toString().strip(), cut);
        facts.setLength(0);
      }
      facts.append(line);
    }
    section(blocks, facts.toString().strip(), cut);
    text.warning().ifPresent(w -> section(blocks, ":warning: *" + escape(w) + "*", cut));
    if (!text.awsActions().isEmpty()) {
      section(blocks, heading(text, Label.AWS_ACTIONS) + bullets(text.awsActions()), cut);
    }
    if (!text.excerpt().isEmpty()) {
      section(blocks, heading(text, Label.COMPLAINT) + "> " + escape(text.excerpt()), cut);
    }
    if (!text.steps().isEmpty()) {
      StringBuilder steps = new StringBuilder(heading(text, Label.STEPS));
      text.numberedSteps().forEach(step -> steps.append(escape(step)).append('\n'));
      section(blocks, steps.toString().strip(), cut);
    }
    if (!text.links().isEmpty()) {
      ArrayNode buttons = blocks.addObject().put("type", "actions").putArray("elements");
      for (int i = 0; i < text.links().size(); i++) {
        AlertText.Link link = text.links().get(i);
        ObjectNode button = buttons.addObject().put("type", "button");
        button
            .putObject("text")
            .put("type", "plain_text")
            .put("text", Cut.chars(link.label(), MAX_BUTTON, cut));
        button.put("url", link.uri().toString()).put("action_id", "link-" + i);
      }
    }
    return message;
  }

  /**
   * Slack reads {@code <...>} as mentions and links and {@code &} as an entity: escaped, a report
   * cannot ping {@code <!channel>} or show a link whose text lies about its target. Bare
   * {@code @channel} gets a zero-width space so that no client setting turns it into a ping.
   */
  static String escape(String text) {
    String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return BROADCAST.matcher(escaped).replaceAll("@\u200B$1");
  }

  private static String heading(AlertText text, Label label) {
    return "*" + escape(text.texts().label(label)) + ":*\n";
  }

  private static String bullets(List<String> items) {
    StringBuilder out = new StringBuilder();
    items.forEach(item -> out.append("• ").append(escape(item)).append('\n'));
    return out.toString().strip();
  }

  private static void section(ArrayNode blocks, String mrkdwn, String cut) {
    if (mrkdwn.isBlank() || blocks.size() >= MAX_BLOCKS - 1) {
      return;
    }
    blocks
        .addObject()
        .put("type", "section")
        .putObject("text")
        .put("type", "mrkdwn")
        .put("text", Cut.chars(mrkdwn, MAX_SECTION, cut));
  }
}
