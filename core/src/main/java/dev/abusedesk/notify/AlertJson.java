package dev.abusedesk.notify;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.cases.CustomerAnswer;
import dev.abusedesk.report.Category;
import dev.abusedesk.report.Channel;
import dev.abusedesk.report.Json;
import dev.abusedesk.report.Kind;
import dev.abusedesk.report.ReportJson;
import dev.abusedesk.report.SenderVerified;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Alerts as the outbox keeps them: JSON, written at queue time and read back at send time. */
public final class AlertJson {

  private AlertJson() {}

  public static String write(Alert a) {
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", a.type().wire());
      g.writeNumberField("case_id", a.caseId());
      g.writeStringField("status", a.status().wire());
      g.writeStringField("category", a.category().wire());
      g.writeArrayFieldStart("accounts");
      for (Alert.AccountLine account : a.accounts()) {
        g.writeStartObject();
        g.writeStringField("id", account.id());
        g.writeStringField("name", account.name().orElse(null));
        g.writeStringField("customer", account.customer().orElse(null));
        g.writeBooleanField("registered", account.registered());
        g.writeEndObject();
      }
      g.writeEndArray();
      strings(g, "regions", a.regions());
      strings(g, "resources", a.resources());
      strings(g, "ips", a.ips());
      g.writeStringField("aws_case_id", a.awsCaseId());
      g.writeStringField("report_kind", a.reportKind().wire());
      g.writeStringField("channel", a.channel().wire());
      g.writeStringField("received_at", ReportJson.time(a.receivedAt()));
      g.writeStringField("deadline", ReportJson.time(a.deadline()));
      g.writeStringField("sender_verified", a.senderVerified().wire());
      g.writeStringField("complaint_excerpt", a.complaintExcerpt());
      strings(g, "actions_taken", a.actionsTaken());
      g.writeStringField("owner", a.owner().orElse(null));
      g.writeStringField("actor", a.actor().orElse(null));
      g.writeStringField("note", a.note());
      g.writeStringField("case_link", a.caseLink().map(URI::toString).orElse(null));
      g.writeStringField("ack_link", a.ackLink().map(URI::toString).orElse(null));
      // To the nanosecond, unlike AWS's times: what is read back at send time is what was queued.
      g.writeStringField("created_at", a.createdAt().toString());
      if (a.customer().isPresent()) {
        Alert.CustomerWord c = a.customer().get();
        g.writeObjectFieldStart("customer");
        g.writeStringField("who", c.who());
        g.writeStringField("account_id", c.accountId());
        g.writeStringField("verdict", c.verdict().map(CustomerAnswer.Verdict::wire).orElse(null));
        g.writeStringField("stopped", c.stopped());
        g.writeStringField("changed", c.changed());
        g.writeStringField("more_time_because", c.moreTimeBecause());
        g.writeStringField("deadline", c.deadline().toString());
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  public static Alert read(String json) {
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a stored alert", e);
    }
    List<Alert.AccountLine> accounts = new ArrayList<>();
    for (JsonNode account : n.path("accounts")) {
      accounts.add(
          new Alert.AccountLine(
              account.path("id").asText(),
              text(account.path("name")),
              text(account.path("customer")),
              account.path("registered").asBoolean()));
    }
    return new Alert(
        Alert.Type.fromWire(n.path("type").asText()),
        n.path("case_id").asLong(),
        CaseStatus.fromWire(n.path("status").asText()),
        Category.fromWire(n.path("category").asText()),
        accounts,
        strings(n.path("regions")),
        strings(n.path("resources")),
        strings(n.path("ips")),
        n.path("aws_case_id").asText(""),
        Kind.fromWire(n.path("report_kind").asText()),
        Channel.fromWire(n.path("channel").asText()),
        instant(n.path("received_at")),
        instant(n.path("deadline")),
        SenderVerified.fromWire(n.path("sender_verified").asText("unknown")),
        n.path("complaint_excerpt").asText(""),
        strings(n.path("actions_taken")),
        text(n.path("owner")),
        text(n.path("actor")),
        n.path("note").asText(""),
        text(n.path("case_link")).map(URI::create),
        text(n.path("ack_link")).map(URI::create),
        instant(n.path("created_at")),
        customer(n.path("customer")));
  }

  private static Optional<Alert.CustomerWord> customer(JsonNode c) {
    if (!c.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        new Alert.CustomerWord(
            c.path("who").asText(""),
            c.path("account_id").asText(""),
            text(c.path("verdict")).map(CustomerAnswer.Verdict::fromWire),
            c.path("stopped").asText(""),
            c.path("changed").asText(""),
            c.path("more_time_because").asText(""),
            Instant.parse(c.path("deadline").asText())));
  }

  static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  static Optional<String> text(JsonNode node) {
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  private static Instant instant(JsonNode node) {
    return node.isTextual() ? Instant.parse(node.asText()) : null;
  }
}
