package dev.abusedesk.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.abusedesk.config.ReceiverKind;
import dev.abusedesk.notify.AlertText.Fact;
import dev.abusedesk.notify.Texts.Label;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Chatwork room through API v2: {@code POST /rooms/{room_id}/messages} with the message in a form
 * field, in Chatwork's {@code [info][title]} notation. Mentions are {@code [To:id]} for the
 * configured account IDs only; tags in report text ({@code [toall]}, {@code [To:1]}, {@code
 * [info]}) get a full-width bracket and are shown, not obeyed.
 */
final class ChatworkNotifier implements Notifier {

  static final int MAX_CHARS = 65_535;

  private static final Pattern TAG = Pattern.compile("\\[(?=/?[A-Za-z])");

  private final ReceiverKind.Chatwork kind;

  ChatworkNotifier(ReceiverKind.Chatwork kind) {
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
    String message = Fit.within(MAX_CHARS, 8_000, budget -> message(text, budget), String::length);
    URI uri =
        Notifiers.endpoint(
            kind.apiUrl(),
            "/rooms/" + URLEncoder.encode(kind.roomId(), StandardCharsets.UTF_8) + "/messages");
    String form = "body=" + URLEncoder.encode(message, StandardCharsets.UTF_8) + "&self_unread=0";
    return new Outgoing.HttpCall(
        "POST",
        uri,
        Map.of(
            "Content-Type",
            "application/x-www-form-urlencoded; charset=utf-8",
            "X-ChatWorkToken",
            kind.apiToken().reveal()),
        form);
  }

  private String message(AlertText text, int budget) {
    String cut = text.texts().truncated();
    StringBuilder mentions = new StringBuilder();
    kind.mentionAccountIds().forEach(id -> mentions.append("[To:").append(id).append("] "));
    text.mentions().forEach(m -> mentions.append(m).append(' '));
    StringBuilder out = new StringBuilder();
    if (mentions.length() > 0) {
      out.append(Cut.chars(mentions.toString().strip(), budget, cut)).append('\n');
    }
    out.append("[info][title]").append(text.icon()).append(' ').append(text.title());
    out.append("[/title]").append(Cut.chars(escape(text.lead()), budget, cut)).append("\n[hr]");
    for (Fact fact : text.facts()) {
      out.append(fact.label()).append(": ");
      out.append(Cut.chars(escape(fact.value()), budget, cut)).append('\n');
    }
    text.warning().ifPresent(w -> out.append("[hr]⚠ ").append(w).append('\n'));
    out.setLength(out.length() - 1);
    out.append("[/info]");
    info(out, text, Label.AWS_ACTIONS, text.awsActions(), budget);
    info(
        out,
        text,
        Label.COMPLAINT,
        text.excerpt().isEmpty() ? List.of() : List.of(text.excerpt()),
        budget);
    info(out, text, Label.STEPS, text.numberedSteps(), budget);
    text.links().forEach(l -> out.append('\n').append(l.label()).append(": ").append(l.uri()));
    return out.toString();
  }

  private static void info(
      StringBuilder out, AlertText text, Label label, List<String> lines, int budget) {
    if (lines.isEmpty()) {
      return;
    }
    out.append("\n[info][title]").append(text.texts().label(label)).append("[/title]");
    String cut = text.texts().truncated();
    out.append(
        String.join("\n", lines.stream().map(l -> Cut.chars(escape(l), budget, cut)).toList()));
    out.append("[/info]");
  }

  /** Breaks every tag in report text: {@code [toall]} becomes {@code ［toall]}. */
  static String escape(String text) {
    return TAG.matcher(text).replaceAll("［");
  }

  @Override
  public Delivery classify(Response response) {
    JsonNode answer = Answers.json(response.body());
    if (Answers.success(response)) {
      return new Delivery.Sent(answer.path("message_id").asText(""));
    }
    JsonNode errors = answer.path("errors");
    String reason =
        errors.isArray() && errors.size() > 0 ? errors.get(0).asText("") : response.body();
    Delivery delivery = Answers.notSent(response, reason);
    if (delivery instanceof Delivery.Retry retry && retry.after() == null) {
      return new Delivery.Retry(resetIn(response).orElse(null), retry.reason());
    }
    return delivery;
  }

  /** Chatwork says when its rate limit resets ({@code x-ratelimit-reset}, epoch seconds). */
  private static Optional<Duration> resetIn(Response response) {
    try {
      long reset = Long.parseLong(response.header("x-ratelimit-reset").orElse(""));
      return Answers.until(response, Instant.ofEpochSecond(reset));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "ChatworkNotifier[" + kind.describe() + "]";
  }
}
