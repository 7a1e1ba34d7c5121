package dev.abusedesk.app.serve;

import dev.abusedesk.notify.Deliverer;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The daemon's own counters (deliveries and their latency); what the database knows (reports,
 * cases, the outbox) is read at scrape time. Rendered in the Prometheus text format.
 */
public final class Metrics implements Deliverer.Observer {

  static final double[] LATENCY_BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300};

  private final Map<String, LongAdder> deliveries = new ConcurrentHashMap<>();
  private final LongAdder[] latencyBuckets = new LongAdder[LATENCY_BUCKETS.length];
  private final LongAdder latencyCount = new LongAdder();
  private final AtomicLong latencyMicros = new AtomicLong();

  public Metrics() {
    for (int i = 0; i < latencyBuckets.length; i++) {
      latencyBuckets[i] = new LongAdder();
    }
  }

  @Override
  public void delivered(String receiver, String outcome, Duration sinceQueued) {
    deliveries.computeIfAbsent(receiver + "\u0000" + outcome, k -> new LongAdder()).increment();
    if (outcome.equals("sent")) {
      double seconds = sinceQueued.toNanos() / 1e9;
      for (int i = 0; i < LATENCY_BUCKETS.length; i++) {
        if (seconds <= LATENCY_BUCKETS[i]) {
          latencyBuckets[i].increment();
        }
      }
      latencyCount.increment();
      latencyMicros.addAndGet(sinceQueued.toNanos() / 1000);
    }
  }

  /** Appends the delivery counters and the latency histogram. */
  void render(StringBuilder out) {
    out.append("# HELP abusedesk_deliveries_total Messages handed to receivers, by outcome.\n");
    out.append("# TYPE abusedesk_deliveries_total counter\n");
    Map<String, LongAdder> sorted = new TreeMap<>(deliveries);
    sorted.forEach(
        (key, count) -> {
          String[] parts = key.split("\u0000", 2);
          out.append("abusedesk_deliveries_total{receiver=\"")
              .append(label(parts[0]))
              .append("\",outcome=\"")
              .append(parts[1])
              .append("\"} ")
              .append(count.sum())
              .append('\n');
        });
    out.append(
        "# HELP abusedesk_delivery_latency_seconds From queuing to the receiver accepting it.\n");
    out.append("# TYPE abusedesk_delivery_latency_seconds histogram\n");
    for (int i = 0; i < LATENCY_BUCKETS.length; i++) {
      out.append("abusedesk_delivery_latency_seconds_bucket{le=\"")
          .append(LATENCY_BUCKETS[i])
          .append("\"} ")
          .append(latencyBuckets[i].sum())
          .append('\n');
    }
    out.append("abusedesk_delivery_latency_seconds_bucket{le=\"+Inf\"} ")
        .append(latencyCount.sum())
        .append('\n');
    out.append("abusedesk_delivery_latency_seconds_sum ")
        .append(latencyMicros.get() / 1e6)
        .append('\n');
    out.append("abusedesk_delivery_latency_seconds_count ").append(latencyCount.sum()).append('\n');
  }

  static String label(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
