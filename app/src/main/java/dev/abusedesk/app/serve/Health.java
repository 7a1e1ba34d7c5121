package dev.abusedesk.app.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.abusedesk.cases.Outbox;
import dev.abusedesk.report.Json;
import dev.abusedesk.report.ReportJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the daemon found when it last looked at itself: {@code ok}, or {@code degraded} with one
 * reason per problem (a receiver whose alerts are stuck, a listener down, the store unreachable,
 * mail spooled and not recorded). Computed every few seconds off the request path, so that {@code
 * /healthz} answers at once whatever the database is doing.
 *
 * @param depth the outbox as a whole; empty when the store did not answer
 * @param receivers each receiver with messages waiting or recently refused
 * @param parts every supervised part and how it is
 * @param spoolWaiting messages spooled and not recorded yet
 */
record Health(
    Instant checkedAt,
    boolean storeReachable,
    Optional<Outbox.Depth> depth,
    List<Outbox.Backlog> receivers,
    List<Part> parts,
    int spoolWaiting,
    List<String> reasons) {

  /** One supervised part: {@code up}, {@code troubled} or {@code dead}, and why. */
  record Part(String name, String state, String reason) {}

  Health {
    Objects.requireNonNull(checkedAt, "checkedAt");
    Objects.requireNonNull(depth, "depth");
    receivers = List.copyOf(receivers);
    parts = List.copyOf(parts);
    reasons = List.copyOf(reasons);
  }

  /** Before the first check. */
  static Health starting(Instant now) {
    return new Health(now, true, Optional.empty(), List.of(), List.of(), 0, List.of());
  }

  boolean ok() {
    return reasons.isEmpty();
  }

  /** This health as {@code /healthz} says it at {@code now}. */
  String json(Instant now) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("status", ok() ? "ok" : "degraded");
      g.writeArrayFieldStart("reasons");
      for (String reason : reasons) {
        g.writeString(reason);
      }
      g.writeEndArray();
      g.writeStringField("store", storeReachable ? "reachable" : "unreachable");
      if (depth.isPresent()) {
        g.writeNumberField("outbox_pending", depth.get().pending());
        g.writeNumberField("outbox_failed", depth.get().failed());
        g.writeNumberField(
            "oldest_undelivered_seconds",
            depth.get().oldestPending().map(t -> seconds(t, now)).orElse(0L));
      }
      g.writeArrayFieldStart("receivers");
      for (Outbox.Backlog b : receivers) {
        g.writeStartObject();
        g.writeStringField("name", b.receiver());
        g.writeNumberField("pending", b.pending());
        g.writeNumberField(
            "oldest_pending_seconds", b.oldestPending().map(t -> seconds(t, now)).orElse(0L));
        g.writeNumberField("failed_last_hour", b.failedRecently());
        g.writeStringField("last_error", b.lastError());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("parts");
      for (Part part : parts) {
        g.writeStartObject();
        g.writeStringField("name", part.name());
        g.writeStringField("state", part.state());
        if (!part.reason().isEmpty()) {
          g.writeStringField("reason", part.reason());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("spool_waiting", spoolWaiting);
      g.writeStringField("checked_at", ReportJson.time(checkedAt));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static long seconds(Instant from, Instant now) {
    return Math.max(0, Duration.between(from, now).toSeconds());
  }
}
