package dev.abusedesk.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.abusedesk.config.ReceiverKind;
import dev.abusedesk.notify.AlertText.Fact;
import dev.abusedesk.notify.Texts.Label;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Microsoft Teams workflow webhook: an Adaptive Card 1.4 in a message, answered 202 Accepted.
 * Report text goes only into {@code RichTextBlock} text runs, which Teams shows as written (no
 * markdown); {@code <at>} tags and <code>{{DATE()}}</code> functions in it are broken up as well.
 */
final class TeamsNotifier implements Notifier {

  /** Teams refuses cards larger than about 28 KB. */
  static final int MAX_BYTES = 28_000;

  private static final Pattern MENTION_TAG = Pattern.compile("<(/?)(at)", Pattern.CASE_INSENSITIVE);

  private final ReceiverKind.Teams kind;

  TeamsNotifier(ReceiverKind.Teams kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  @Override
  public Outgoing render(Alert alert, Rendering rendering) {
    return post(AlertText.of(alert, rendering));
  }

  @Override
  public Optional<Digests> digests() {
    return Optional.of((digest, rendering) -> post(digest));
  }

  private Outgoing post(AlertText text) {
    String body = Fit.withinBytes(MAX_BYTES, 4_000, budget -> message(text, budget).toString());
    return new Outgoing.HttpCall("POST", kind.workflowUri(), Notifiers.JSON, body);
  }

  private static ObjectNode message(AlertText text, int budget) {
    String cut = text.texts().truncated();
    ObjectNode card = JsonNodeFactory.instance.objectNode();
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard").put("version", "1.4");
    card.putObject("msteams").put("width", "Full");
    ArrayNode body = card.putArray("body");
    body.addObject()
        .put("type", "TextBlock")
        .put("text", text.icon() + " " + text.title())
        .put("weight", "Bolder")
        .put("size", "Medium")
        .put("wrap", true);
    if (!text.mentions().isEmpty()) {
      body.addObject()
          .put("type", "TextBlock")
          .put("text", Cut.chars(String.join(" ", text.mentions()), budget, cut))
          .put("wrap", true);
    }
    runs(body, budget, cut, null, text.lead());
    for (Fact fact : text.facts()) {
      runs(body, budget, cut, fact.label() + ": ", fact.value()).put("spacing", "None");
    }
    text.warning()
        .ifPresent(
            w ->
                runs(body, budget, cut, "⚠ " + w, "")
                    .withArray("inlines")
                    .forEach(run -> ((ObjectNode) run).put("color", "Attention")));
    section(body, text, Label.AWS_ACTIONS, text.awsActions(), budget, cut);
    section(
        body,
        text,
        Label.COMPLAINT,
        text.excerpt().isEmpty() ? List.of() : List.of(text.excerpt()),
        budget,
        cut);
    section(body, text, Label.STEPS, text.numberedSteps(), budget, cut);
    if (!text.links().isEmpty()) {
      ArrayNode actions = card.putArray("actions");
      text.links()
          .forEach(
              link ->
                  actions
                      .addObject()
                      .put("type", "Action.OpenUrl")
                      .put("title", link.label())
                      .put("url", link.uri().toString()));
    }
    ObjectNode message = JsonNodeFactory.instance.objectNode().put("type", "message");
    message
        .putArray("attachments")
        .addObject()
        .put("contentType", "application/vnd.microsoft.card.adaptive")
        .putNull("contentUrl")
        .set("content", card);
    return message;
  }

  private static void section(
      ArrayNode body, AlertText text, Label label, List<String> lines, int budget, String cut) {
    if (lines.isEmpty()) {
      return;
    }
    runs(body, budget, cut, text.texts().label(label), "").put("separator", true);
    lines.forEach(line -> runs(body, budget, cut, null, line).put("spacing", "None"));
  }

  /** A RichTextBlock: an optional bold label, then untrusted text as a plain run. */
  private static ObjectNode runs(
      ArrayNode body, int budget, String cut, String label, String text) {
    ObjectNode block = body.addObject().put("type", "RichTextBlock");
    ArrayNode inlines = block.putArray("inlines");
    if (label != null) {
      inlines.addObject().put("type", "TextRun").put("text", label).put("weight", "Bolder");
    }
    if (!text.isEmpty()) {
      inlines.addObject().put("type", "TextRun").put("text", Cut.chars(escape(text), budget, cut));
    }
    return block;
  }

  /** Text runs are not markdown; what is left to break up is mentions and template functions. */
  static String escape(String text) {
    return MENTION_TAG.matcher(text).replaceAll("<$1\u200B$2").replace("{{", "{\u200B{");
  }

  @Override
  public Delivery classify(Response response) {
    JsonNode error = Answers.json(response.body()).path("error");
    String reason =
        error.isObject()
            ? error.path("code").asText("") + " " + error.path("message").asText("")
            : response.body();
    return Answers.classify(response, "", reason.strip());
  }

  @Override
  public String toString() {
    return "TeamsNotifier[" + kind.describe() + "]";
  }
}
