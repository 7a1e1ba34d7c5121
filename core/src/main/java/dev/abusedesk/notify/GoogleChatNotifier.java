package dev.abusedesk.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.abusedesk.config.ReceiverKind;
import dev.abusedesk.notify.AlertText.Fact;
import dev.abusedesk.notify.Texts.Label;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Google Chat space webhook: a {@code cardsV2} card under a short {@code text} that holds the
 * mentions. Every message about a case goes to one thread ({@code threadKey}). Card text is a
 * subset of HTML, so report text is HTML-escaped; the {@code text} holds none.
 */
final class GoogleChatNotifier implements Notifier {

  /** Google Chat takes messages up to 32,000 bytes. */
  static final int MAX_BYTES = 32_000;

  private final ReceiverKind.GoogleChat kind;

  GoogleChatNotifier(ReceiverKind.GoogleChat kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** The thread of a case: the same key for every message about it. */
  static String threadKey(long caseId) {
    return "abusedesk-case-" + caseId;
  }

  @Override
  public Outgoing render(Alert alert, Rendering rendering) {
    AlertText text = AlertText.of(alert, rendering);
    String subtitle = text.texts().status(alert.status());
    String cardId = threadKey(alert.caseId());
    String body =
        Fit.withinBytes(
            MAX_BYTES, 4_000, budget -> message(text, cardId, subtitle, budget).toString());
    URI uri = kind.webhookUri();
    if (alert.type() != Alert.Type.TEST) {
      String query =
          "threadKey="
              + threadKey(alert.caseId())
              + "&messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD";
      uri = URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + query);
    }
    return new Outgoing.HttpCall("POST", uri, Notifiers.JSON, body);
  }

  /** A digest goes to a new thread of its own: each case's later messages go to the case's. */
  @Override
  public Optional<Digests> digests() {
    return Optional.of(
        (digest, rendering) -> {
          String body =
              Fit.withinBytes(
                  MAX_BYTES,
                  4_000,
                  budget -> message(digest, "abusedesk-digest", "", budget).toString());
          return new Outgoing.HttpCall("POST", kind.webhookUri(), Notifiers.JSON, body);
        });
  }

  private static ObjectNode message(AlertText text, String cardId, String subtitle, int budget) {
    String cut = text.texts().truncated();
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    String head = text.icon() + " " + text.title();
    message.put(
        "text",
        Cut.chars(
            text.mentions().isEmpty() ? head : String.join(" ", text.mentions()) + "\n" + head,
            budget,
            cut));
    ObjectNode card = message.putArray("cardsV2").addObject();
    card.put("cardId", cardId);
    ObjectNode inner = card.putObject("card");
    ObjectNode header = inner.putObject("header").put("title", Cut.chars(text.title(), 200, cut));
    if (!subtitle.isEmpty()) {
      header.put("subtitle", subtitle);
    }
    ArrayNode sections = inner.putArray("sections");
    ArrayNode facts = sections.addObject().putArray("widgets");
    paragraph(facts, Cut.chars(escape(text.lead()), budget, cut));
    for (Fact fact : text.facts()) {
      facts
          .addObject()
          .putObject("decoratedText")
          .put("topLabel", fact.label())
          .put("text", Cut.chars(escape(fact.value()), budget, cut))
          .put("wrapText", true);
    }
    text.warning()
        .ifPresent(
            w ->
                paragraph(
                    sections.addObject().putArray("widgets"),
                    "<font color=\"#d93025\"><b>⚠ "
                        + Cut.chars(escape(w), budget, cut)
                        + "</b></font>"));
    section(sections, text, Label.AWS_ACTIONS, text.awsActions(), budget, cut);
    section(
        sections,
        text,
        Label.COMPLAINT,
        text.excerpt().isEmpty() ? List.of() : List.of(text.excerpt()),
        budget,
        cut);
    section(sections, text, Label.STEPS, text.numberedSteps(), budget, cut);
    if (!text.links().isEmpty()) {
      ArrayNode buttons =
          sections
              .addObject()
              .putArray("widgets")
              .addObject()
              .putObject("buttonList")
              .putArray("buttons");
      text.links()
          .forEach(
              link ->
                  buttons
                      .addObject()
                      .put("text", link.label())
                      .putObject("onClick")
                      .putObject("openLink")
                      .put("url", link.uri().toString()));
    }
    return message;
  }

  private static void section(
      ArrayNode sections, AlertText text, Label label, List<String> lines, int budget, String cut) {
    if (lines.isEmpty()) {
      return;
    }
    ObjectNode section = sections.addObject().put("header", escape(text.texts().label(label)));
    StringBuilder html = new StringBuilder();
    for (String line : lines) {
      html.append(html.length() == 0 ? "" : "<br>").append(Cut.chars(escape(line), budget, cut));
    }
    paragraph(section.putArray("widgets"), html.toString());
  }

  /** A paragraph of card HTML, each piece of it already escaped and cut. */
  private static void paragraph(ArrayNode widgets, String html) {
    widgets.addObject().putObject("textParagraph").put("text", html);
  }

  /** Card text is HTML: a report cannot add markup, links or {@code <users/all>}. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @Override
  public Delivery classify(Response response) {
    JsonNode answer = Answers.json(response.body());
    JsonNode error = answer.path("error");
    String reason =
        error.isObject()
            ? error.path("status").asText("") + " " + error.path("message").asText("")
            : response.body();
    return Answers.classify(response, answer.path("name").asText(""), reason.strip());
  }

  @Override
  public String toString() {
    return "GoogleChatNotifier[" + kind.describe() + "]";
  }
}
