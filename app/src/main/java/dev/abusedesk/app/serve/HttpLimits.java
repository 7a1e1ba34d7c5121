package dev.abusedesk.app.serve;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and how much an HTTP client may take.
 *
 * @param idleTimeout the longest wait for any one read or write, and between requests on a kept
 *     connection
 * @param firstHead the longest a new connection may take to send a whole request head
 * @param bodyDeadline the longest a buffered body (at most a MiB or so) may take, all of it
 * @param streamDeadline the longest a streamed body (raw mail, authenticated) may take
 * @param maxConnections connections at once; at the limit Jetty stops accepting for a while
 * @param streams streamed bodies at once, each holding a handler thread while it arrives
 * @param bodyBudget bytes of buffered bodies in memory at once, across all requests
 * @param handlers threads for handlers other than health and metrics
 * @param waiting requests admitted to wait for one of those threads; more are answered 503
 */
record HttpLimits(
    Duration idleTimeout,
    Duration firstHead,
    Duration bodyDeadline,
    Duration streamDeadline,
    int maxConnections,
    int streams,
    long bodyBudget,
    int handlers,
    int waiting) {

  HttpLimits {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(firstHead, "firstHead");
    Objects.requireNonNull(bodyDeadline, "bodyDeadline");
    Objects.requireNonNull(streamDeadline, "streamDeadline");
    if (maxConnections < 1 || streams < 1 || bodyBudget < 1 || handlers < 1 || waiting < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /**
   * The daemon's: 30 s idle, 15 s for a head or a buffered body, a minute for a streamed one (25
   * MiB at 400 KiB/s), 400 connections, 4 streams, an eighth of the heap (at most 64 MiB) for
   * bodies, 16 handler threads and 64 requests waiting for them.
   */
  static HttpLimits defaults() {
    return new HttpLimits(
        Duration.ofSeconds(30),
        Duration.ofSeconds(15),
        Duration.ofSeconds(15),
        Duration.ofSeconds(60),
        400,
        4,
        Math.max(1 << 20, Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 8)),
        16,
        64);
  }
}
