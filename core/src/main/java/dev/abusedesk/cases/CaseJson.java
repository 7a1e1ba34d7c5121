package dev.abusedesk.cases;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.abusedesk.report.Json;
import dev.abusedesk.report.ReportJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The JSON form of cases, their reports and history: for the CLI and the HTTP API. */
public final class CaseJson {

  private CaseJson() {}

  /** A JSON array of cases. */
  public static String list(List<Case> cases, Instant now) {
    return render(
        g -> {
          g.writeStartArray();
          for (Case c : cases) {
            writeCase(g, c, now);
          }
          g.writeEndArray();
        });
  }

  /** One case with its reports and history. */
  public static String detail(
      Case c, List<StoredReport> reports, List<CaseEvent> history, Instant now) {
    return render(
        g -> {
          g.writeStartObject();
          fields(g, c, now);
          g.writeArrayFieldStart("report_list");
          for (StoredReport r : reports) {
            g.writeStartObject();
            g.writeNumberField("id", r.id());
            g.writeStringField("intake", r.intake());
            g.writeStringField("recorded_at", ReportJson.time(r.recordedAt()));
            ReportJson.write(g, r.report());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeArrayFieldStart("history");
          for (CaseEvent e : history) {
            g.writeStartObject();
            g.writeStringField("at", ReportJson.time(e.at()));
            g.writeStringField("actor", e.actor());
            g.writeStringField("type", e.type().wire());
            g.writeStringField(
                "from_status", e.fromStatus() == null ? null : e.fromStatus().wire());
            g.writeStringField("to_status", e.toStatus() == null ? null : e.toStatus().wire());
            if (e.reportId() == null) {
              g.writeNullField("report_id");
            } else {
              g.writeNumberField("report_id", e.reportId());
            }
            g.writeStringField("note", e.note());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private static void writeCase(JsonGenerator g, Case c, Instant now) throws IOException {
    g.writeStartObject();
    fields(g, c, now);
    g.writeEndObject();
  }

  private static void fields(JsonGenerator g, Case c, Instant now) throws IOException {
    g.writeNumberField("id", c.id());
    g.writeStringField("status", c.status().wire());
    g.writeStringField("category", c.category().wire());
    strings(g, "accounts", c.accounts());
    strings(g, "regions", c.regions());
    strings(g, "resources", c.resources());
    strings(g, "ips", c.ips());
    strings(g, "aws_case_ids", c.awsCaseIds());
    g.writeNumberField("reports", c.reports());
    g.writeStringField("opened_at", ReportJson.time(c.openedAt()));
    g.writeStringField("reported_at", ReportJson.time(c.reportedAt()));
    g.writeStringField("updated_at", ReportJson.time(c.updatedAt()));
    g.writeStringField("deadline", ReportJson.time(c.deadline()));
    g.writeBooleanField("overdue", c.overdue(now));
    Duration left = c.timeLeft(now);
    if (left == null) {
      g.writeNullField("seconds_left");
    } else {
      g.writeNumberField("seconds_left", left.getSeconds());
    }
    g.writeStringField("acknowledged_by", c.acknowledgedBy());
    g.writeStringField("acknowledged_at", ReportJson.time(c.acknowledgedAt()));
    g.writeStringField("replied_at", ReportJson.time(c.repliedAt()));
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String render(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
