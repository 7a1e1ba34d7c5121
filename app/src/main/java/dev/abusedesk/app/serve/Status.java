package dev.abusedesk.app.serve;

import com.sun.net.httpserver.HttpHandler;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.cases.Counts;
import dev.abusedesk.cases.Outbox;
import dev.abusedesk.report.ReportJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** {@code /healthz} and {@code /metrics}. */
final class Status {

  /** The oldest undelivered message may wait this long before the service reports unhealthy. */
  static final Duration STALE_OUTBOX = Duration.ofMinutes(30);

  private final Daemon daemon;
  private final Clock clock;

  Status(Daemon daemon, Clock clock) {
    this.daemon = daemon;
    this.clock = clock;
  }

  HttpHandler healthz() {
    return exchange -> {
      Instant now = clock.instant();
      boolean store = daemon.pipeline().store().reachable();
      Outbox.Depth depth = store ? daemon.pipeline().outbox().depth() : null;
      long oldest =
          depth == null || depth.oldestPending().isEmpty()
              ? 0
              : Duration.between(depth.oldestPending().get(), now).toSeconds();
      boolean healthy = store && oldest < STALE_OUTBOX.toSeconds();
      String body =
          "{\"status\":\""
              + (healthy ? "ok" : "unhealthy")
              + "\",\"store\":\""
              + (store ? "reachable" : "unreachable")
              + "\",\"outbox_pending\":"
              + (depth == null ? "null" : depth.pending())
              + ",\"outbox_failed\":"
              + (depth == null ? "null" : depth.failed())
              + ",\"oldest_undelivered_seconds\":"
              + oldest
              + ",\"checked_at\":\""
              + ReportJson.time(now)
              + "\"}";
      Requests.json(exchange, healthy ? 200 : 503, body);
    };
  }

  HttpHandler metrics() {
    return exchange -> {
      Instant now = clock.instant();
      StringBuilder out = new StringBuilder(4096);
      Counts counts = daemon.pipeline().store().counts(now);
      out.append("# HELP abusedesk_reports_total Reports recorded, by channel and kind.\n");
      out.append("# TYPE abusedesk_reports_total counter\n");
      for (Map.Entry<String, Long> e : counts.reports().entrySet()) {
        String[] parts = e.getKey().split("/", 2);
        out.append("abusedesk_reports_total{channel=\"")
            .append(parts[0])
            .append("\",kind=\"")
            .append(parts[1])
            .append("\"} ")
            .append(e.getValue())
            .append('\n');
      }
      out.append("# HELP abusedesk_cases Cases by status.\n");
      out.append("# TYPE abusedesk_cases gauge\n");
      for (CaseStatus status : CaseStatus.values()) {
        out.append("abusedesk_cases{status=\"")
            .append(status.wire())
            .append("\"} ")
            .append(counts.cases().getOrDefault(status, 0L))
            .append('\n');
      }
      out.append("# HELP abusedesk_cases_overdue Cases whose reply to AWS is late.\n");
      out.append("# TYPE abusedesk_cases_overdue gauge\n");
      out.append("abusedesk_cases_overdue ").append(counts.overdue()).append('\n');
      Outbox.Depth depth = daemon.pipeline().outbox().depth();
      out.append("# HELP abusedesk_outbox_pending Messages waiting to be delivered.\n");
      out.append("# TYPE abusedesk_outbox_pending gauge\n");
      out.append("abusedesk_outbox_pending ").append(depth.pending()).append('\n');
      out.append("# HELP abusedesk_outbox_failed Messages a receiver refused for good.\n");
      out.append("# TYPE abusedesk_outbox_failed gauge\n");
      out.append("abusedesk_outbox_failed ").append(depth.failed()).append('\n');
      out.append(
          "# HELP abusedesk_outbox_oldest_pending_seconds Age of the oldest undelivered message.\n");
      out.append("# TYPE abusedesk_outbox_oldest_pending_seconds gauge\n");
      out.append("abusedesk_outbox_oldest_pending_seconds ")
          .append(depth.oldestPending().map(t -> Duration.between(t, now).toSeconds()).orElse(0L))
          .append('\n');
      daemon.metrics().render(out);
      Requests.answer(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", out.toString());
    };
  }
}
