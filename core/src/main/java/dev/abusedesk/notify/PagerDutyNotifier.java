package dev.abusedesk.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.config.ReceiverKind;
import dev.abusedesk.notify.AlertText.Fact;
import dev.abusedesk.notify.Texts.Label;
import java.net.URI;
import java.util.Objects;

/**
 * PagerDuty Events API v2: one incident per case ({@code dedup_key} {@code abusedesk-case-ID}),
 * triggered by alerts, reminders and escalations, acknowledged when someone takes the case and
 * resolved once it is replied, mitigated, resolved or closed by AWS. Answered 202.
 */
final class PagerDutyNotifier implements Notifier {

  static final int MAX_SUMMARY = 1_024;
  static final int MAX_BYTES = 512 * 1024;

  private final ReceiverKind.PagerDuty kind;

  PagerDutyNotifier(ReceiverKind.PagerDuty kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  static String dedupKey(Alert alert) {
    return alert.type() == Alert.Type.TEST
        ? "abusedesk-test-" + alert.createdAt().toEpochMilli()
        : "abusedesk-case-" + alert.caseId();
  }

  /** {@code trigger}, {@code acknowledge} or {@code resolve}. */
  static String action(Alert alert) {
    if (alert.type() == Alert.Type.CLOSED_BY_AWS) {
      return "resolve";
    }
    // A customer's answer follows the case's state, as a status change does: it never re-opens an
    // incident the team acknowledged or resolved.
    if (alert.type() != Alert.Type.STATUS && alert.type() != Alert.Type.CUSTOMER_ANSWERED) {
      return "trigger";
    }
    return alert.status() == CaseStatus.OPEN
        ? "trigger"
        : alert.status() == CaseStatus.ACKNOWLEDGED ? "acknowledge" : "resolve";
  }

  @Override
  public Outgoing render(Alert alert, Rendering rendering) {
    AlertText text = AlertText.of(alert, rendering);
    String body =
        Fit.withinBytes(
            MAX_BYTES, 16_384, budget -> event(alert, rendering, text, budget).toString());
    URI uri = Notifiers.endpoint(kind.apiUrl(), "/v2/enqueue");
    return new Outgoing.HttpCall("POST", uri, Notifiers.JSON, body);
  }

  private ObjectNode event(Alert alert, Rendering rendering, AlertText text, int budget) {
    String cut = text.texts().truncated();
    String action = action(alert);
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("routing_key", kind.routingKey().reveal());
    event.put("event_action", action).put("dedup_key", dedupKey(alert));
    if (!action.equals("trigger")) {
      return event;
    }
    ObjectNode payload = event.putObject("payload");
    payload.put("summary", Cut.chars(text.title() + ". " + text.lead(), MAX_SUMMARY, cut));
    payload.put("source", alert.accounts().isEmpty() ? "aws" : alert.accounts().get(0).id());
    payload.put("severity", severity(alert, rendering));
    payload.put("timestamp", alert.createdAt().toString());
    payload.put("class", alert.category().wire());
    if (!alert.regions().isEmpty()) {
      payload.put("group", alert.regions().get(0));
    }
    ObjectNode details = payload.putObject("custom_details");
    for (Fact fact : text.facts()) {
      details.put(fact.label(), Cut.chars(fact.value(), budget, cut));
    }
    Texts texts = text.texts();
    text.warning().ifPresent(w -> details.put("⚠", w));
    put(details, texts.label(Label.AWS_ACTIONS), String.join("\n", text.awsActions()), budget, cut);
    put(details, texts.label(Label.COMPLAINT), text.excerpt(), budget, cut);
    put(details, texts.label(Label.STEPS), String.join("\n", text.steps()), budget, cut);
    event.put("client", "Abuse Desk");
    alert
        .caseLink()
        .ifPresent(
            uri -> {
              event.put("client_url", uri.toString());
              event
                  .putArray("links")
                  .addObject()
                  .put("href", uri.toString())
                  .put("text", text.texts().label(Label.OPEN_CASE));
            });
    return event;
  }

  private static void put(ObjectNode details, String label, String value, int budget, String cut) {
    if (!value.isEmpty()) {
      details.put(label, Cut.chars(value, budget, cut));
    }
  }

  private static String severity(Alert alert, Rendering rendering) {
    boolean overdue = AlertText.overdue(alert, rendering.now());
    return switch (alert.type()) {
      case TEST -> "info";
      case ESCALATION -> "critical";
      case REMINDER -> overdue ? "critical" : "error";
      default -> alert.reportKind() == dev.abusedesk.report.Kind.FINAL ? "critical" : "error";
    };
  }

  @Override
  public Delivery classify(Response response) {
    JsonNode answer = Answers.json(response.body());
    if (Answers.success(response)) {
      return new Delivery.Sent(answer.path("dedup_key").asText(""));
    }
    String reason = answer.path("message").asText("");
    JsonNode errors = answer.path("errors");
    if (errors.isArray() && errors.size() > 0) {
      reason += ": " + errors.get(0).asText("");
    }
    reason =
        (reason.isEmpty() ? response.body() : reason).replace(kind.routingKey().reveal(), "***");
    return Answers.notSent(response, reason);
  }

  @Override
  public String toString() {
    return "PagerDutyNotifier[" + kind.describe() + "]";
  }
}
