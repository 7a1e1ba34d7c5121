package dev.abusedesk.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The JSON form of a report, as {@code abusedesk parse} prints it: the documented keys first, in
 * their documented order, then the details later stages use.
 */
public final class ReportJson {

  private ReportJson() {}

  /** One JSON object on one line, for JSON Lines output. */
  public static String line(String source, Report report) {
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("source", source);
      write(g, report);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The report alone, as one JSON object: how the store keeps it. */
  public static String object(Report report) {
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      write(g, report);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The error line for an input that could not be read. */
  public static String error(String source, String reason) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("source", source);
      g.writeStringField("error", reason);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Writes the report's fields into an open JSON object. */
  public static void write(JsonGenerator g, Report r) throws IOException {
    g.writeStringField("channel", r.channel().wire());
    g.writeStringField("kind", r.kind().wire());
    g.writeStringField("category", r.category() == null ? null : r.category().wire());
    list(g, "accounts", r.accounts());
    list(g, "regions", r.regions());
    list(g, "resources", r.resources());
    list(g, "ips", r.ips());
    g.writeStringField("case_id", r.caseId());
    g.writeStringField("received_at", time(r.receivedAt()));
    g.writeStringField("deadline", time(r.deadline()));
    g.writeStringField("sender_verified", r.senderVerified().wire());
    g.writeStringField("provenance", r.provenance().trust().wire());
    g.writeStringField("provenance_basis", r.provenance().basis());
    g.writeStringField("complaint_format", r.complaint().format().wire());

    list(g, "aws_case_numbers", r.awsCaseNumbers());
    list(g, "actions_taken", r.actionsTaken());
    g.writeObjectFieldStart("complaint");
    g.writeStringField("excerpt", r.complaint().excerpt());
    list(g, "source_ips", r.complaint().sourceIps());
    list(g, "reported_domains", r.complaint().reportedDomains());
    list(g, "recipient_domains", r.complaint().recipientDomains());
    g.writeEndObject();
    g.writeStringField("description", r.description());
    if (r.origin() instanceof Report.MailOrigin mail) {
      g.writeObjectFieldStart("mail");
      g.writeStringField("message_id", mail.messageId());
      g.writeStringField("from", mail.from());
      g.writeStringField("subject", mail.subject());
      g.writeStringField("in_reply_to", mail.inReplyTo());
      list(g, "references", mail.references());
      g.writeBooleanField("forwarded", mail.forwarded());
      g.writeEndObject();
    } else if (r.origin() instanceof Report.HealthOrigin health) {
      g.writeObjectFieldStart("health");
      g.writeStringField("event_arn", health.eventArn());
      g.writeStringField("service", health.service());
      g.writeStringField("event_type_code", health.eventTypeCode());
      g.writeStringField("communication_id", health.communicationId());
      g.writeNumberField("page", health.page());
      g.writeNumberField("total_pages", health.totalPages());
      g.writeStringField("last_updated_at", time(health.lastUpdatedAt()));
      g.writeStringField("status_code", health.statusCode());
      g.writeBooleanField("backup_event", health.backupEvent());
      g.writeEndObject();
    }
    list(g, "assumptions", r.assumptions());
    g.writeBooleanField("truncated", r.truncated());
  }

  private static void list(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** UTC, whole seconds: {@code 2025-10-14T03:12:40Z}. */
  public static String time(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Reads back a report written by {@link #write}: how the store keeps parsed reports. */
  public static Report read(String json) {
    com.fasterxml.jackson.databind.JsonNode n;
    try {
      n = Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a stored report: " + e.getMessage(), e);
    }
    com.fasterxml.jackson.databind.JsonNode c = n.path("complaint");
    Report.Origin origin;
    if (n.has("health")) {
      com.fasterxml.jackson.databind.JsonNode h = n.path("health");
      origin =
          new Report.HealthOrigin(
              h.path("event_arn").asText(""),
              h.path("service").asText(""),
              h.path("event_type_code").asText(""),
              h.path("communication_id").asText(""),
              h.path("page").asInt(1),
              h.path("total_pages").asInt(1),
              instant(h.path("last_updated_at")),
              h.path("status_code").asText(""),
              h.path("backup_event").asBoolean(false));
    } else {
      com.fasterxml.jackson.databind.JsonNode m = n.path("mail");
      origin =
          new Report.MailOrigin(
              m.path("message_id").asText(""),
              m.path("from").asText(""),
              m.path("subject").asText(""),
              m.path("in_reply_to").asText(""),
              strings(m.path("references")),
              m.path("forwarded").asBoolean(false));
    }
    Kind kind = Kind.fromWire(n.path("kind").asText());
    return new Report(
        kind,
        n.path("category").isTextual() ? Category.fromWire(n.path("category").asText()) : null,
        strings(n.path("accounts")),
        strings(n.path("regions")),
        strings(n.path("resources")),
        strings(n.path("ips")),
        n.path("case_id").isTextual() ? n.path("case_id").asText() : null,
        strings(n.path("aws_case_numbers")),
        instant(n.path("received_at")),
        instant(n.path("deadline")),
        SenderVerified.fromWire(n.path("sender_verified").asText("unknown")),
        new Complaint(
            ComplaintFormat.fromWire(n.path("complaint_format").asText("none")),
            c.path("excerpt").asText(""),
            strings(c.path("source_ips")),
            strings(c.path("reported_domains")),
            strings(c.path("recipient_domains"))),
        strings(n.path("actions_taken")),
        n.path("description").asText(""),
        origin,
        n.path("truncated").asBoolean(false),
        new Provenance(
            Provenance.Trust.fromWire(n.path("provenance").asText("unverified")),
            n.path("provenance_basis").asText("")),
        strings(n.path("assumptions")));
  }

  private static List<String> strings(com.fasterxml.jackson.databind.JsonNode array) {
    java.util.ArrayList<String> values = new java.util.ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode v : array) {
      values.add(v.asText());
    }
    return values;
  }

  private static Instant instant(com.fasterxml.jackson.databind.JsonNode value) {
    return value.isTextual() ? Instant.parse(value.asText()) : null;
  }
}
