package dev.abusedesk.app.serve;

import com.sun.net.httpserver.HttpHandler;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.cases.Counts;
import dev.abusedesk.cases.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code /healthz}, {@code /livez} and {@code /metrics}. Health answers from the daemon's last look
 * at itself (every few seconds, off the request path): {@code 200 ok}, or {@code 503 degraded} with
 * the reasons. {@code /livez} only says the process serves, for load balancers and liveness probes
 * that should not take a degraded instance out of service.
 */
final class Status {

  /** A health check older than this means the checking loop itself is stuck. */
  static final Duration STALE_CHECK = Duration.ofMinutes(1);

  private final Daemon daemon;
  private final Clock clock;

  Status(Daemon daemon, Clock clock) {
    this.daemon = daemon;
    this.clock = clock;
  }

  /** The last health, or degraded when the checking itself has stalled. */
  Health current() {
    Instant now = clock.instant();
    Health health = daemon.health();
    if (Duration.between(health.checkedAt(), now).compareTo(STALE_CHECK) > 0) {
      List<String> reasons = new java.util.ArrayList<>(health.reasons());
      reasons.add(
          "health checks stalled: the last one ran "
              + Duration.between(health.checkedAt(), now).toSeconds()
              + " s ago");
      return new Health(
          health.checkedAt(),
          health.storeReachable(),
          health.depth(),
          health.receivers(),
          health.parts(),
          health.spoolWaiting(),
          reasons);
    }
    return health;
  }

  HttpHandler healthz() {
    return exchange -> {
      Health health = current();
      Requests.json(exchange, health.ok() ? 200 : 503, health.json(clock.instant()));
    };
  }

  HttpHandler livez() {
    return exchange -> Requests.json(exchange, 200, "{\"status\":\"alive\"}");
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
      Health health = current();
      out.append("# HELP abusedesk_healthy 1 when /healthz says ok, 0 when degraded.\n");
      out.append("# TYPE abusedesk_healthy gauge\n");
      out.append("abusedesk_healthy ").append(health.ok() ? 1 : 0).append('\n');
      out.append("# HELP abusedesk_health_problems Reasons /healthz gives for degraded.\n");
      out.append("# TYPE abusedesk_health_problems gauge\n");
      out.append("abusedesk_health_problems ").append(health.reasons().size()).append('\n');
      out.append("# HELP abusedesk_part_up Each listener and loop: 1 up, 0 troubled or dead.\n");
      out.append("# TYPE abusedesk_part_up gauge\n");
      for (Health.Part part : health.parts()) {
        out.append("abusedesk_part_up{part=\"")
            .append(Metrics.label(part.name()))
            .append("\"} ")
            .append(part.state().equals("up") ? 1 : 0)
            .append('\n');
      }
      out.append("# HELP abusedesk_receiver_pending Messages waiting for each receiver.\n");
      out.append("# TYPE abusedesk_receiver_pending gauge\n");
      for (Outbox.Backlog b : health.receivers()) {
        out.append("abusedesk_receiver_pending{receiver=\"")
            .append(Metrics.label(b.receiver()))
            .append("\"} ")
            .append(b.pending())
            .append('\n');
      }
      out.append(
          "# HELP abusedesk_receiver_oldest_pending_seconds Age of each receiver's oldest"
              + " waiting message.\n");
      out.append("# TYPE abusedesk_receiver_oldest_pending_seconds gauge\n");
      for (Outbox.Backlog b : health.receivers()) {
        out.append("abusedesk_receiver_oldest_pending_seconds{receiver=\"")
            .append(Metrics.label(b.receiver()))
            .append("\"} ")
            .append(b.oldestPending().map(t -> Duration.between(t, now).toSeconds()).orElse(0L))
            .append('\n');
      }
      daemon.metrics().render(out);
      Requests.answer(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", out.toString());
    };
  }
}
