package dev.abusedesk.app.serve;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The daemon's HTTP listener: Jetty's core server, which gives no thread to a connection while it
 * is idle or trickling, in front of the JDK-style handlers. Every client is bounded: a deadline for
 * its request head and another for its body, an idle timeout for each read, a cap on connections, a
 * cap per route on the body and a budget for all bodies in memory together, and handler threads of
 * fixed number with a bounded wait, health and metrics on threads of their own.
 */
public final class HttpListener implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(HttpListener.class.getName());

  static final int MAX_HEADER_BYTES = 16 * 1024;
  private static final Duration STOP_GRACE = Duration.ofSeconds(1);

  private final Server server;
  private final ServerConnector connector;
  private final Workers work;
  private final Workers status;

  private HttpListener(Server server, ServerConnector connector, Workers work, Workers status) {
    this.server = server;
    this.connector = connector;
    this.work = work;
    this.status = status;
  }

  /**
   * Listens on {@code host:port} (0: any free port) and serves {@code routes}.
   *
   * @throws IntakeException when the address cannot be bound (in use, not local)
   */
  public static HttpListener start(String host, int port, List<Route> routes) {
    return start(host, port, routes, HttpLimits.defaults());
  }

  static HttpListener start(String host, int port, List<Route> routes, HttpLimits limits) {
    // Jetty's own threads only parse, check and copy; handlers run on the workers below.
    QueuedThreadPool threads = new QueuedThreadPool(16, 2);
    threads.setName("abusedesk-jetty");
    threads.setDaemon(true);
    ScheduledExecutorScheduler timer = new ScheduledExecutorScheduler("abusedesk-http-timer", true);
    Server server = new Server(threads, timer, null);
    server.setStopTimeout(STOP_GRACE.toMillis());

    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(MAX_HEADER_BYTES);
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    HeadDeadline heads = new HeadDeadline(timer, limits.firstHead(), limits.idleTimeout());
    connector.addBean(heads);
    server.addConnector(connector);
    // At the limit Jetty stops accepting until a connection closes, and shortens the idle
    // timeout of those open so that they close sooner.
    NetworkConnectionLimit limit = new NetworkConnectionLimit(limits.maxConnections(), connector);
    limit.setEndPointIdleTimeout(Duration.ofSeconds(5).toMillis());
    server.addBean(limit);

    Workers work = new Workers("http", limits.handlers(), limits.waiting());
    Workers status = new Workers("status", 2, 16);
    BodyBudget budget = new BodyBudget(limits.bodyBudget());
    server.setHandler(
        new GracefulHandler(
            new RouteHandler(
                routes,
                Map.of(Admission.Lane.WORK, work, Admission.Lane.STATUS, status),
                budget,
                heads,
                limits)));
    HttpListener listener = new HttpListener(server, connector, work, status);
    try {
      server.start();
    } catch (Exception e) {
      listener.close();
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      throw new IntakeException("cannot listen for HTTP on " + host + ":" + port + ": " + cause, e);
    }
    return listener;
  }

  /** The port bound, which differs from the one asked for only when that was 0. */
  public int port() {
    return connector.getLocalPort();
  }

  /**
   * Stops accepting, gives the requests in flight a second to be answered, then closes every
   * connection; handlers still running finish on their own ({@link #awaitTermination}).
   */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "stopping the HTTP listener failed", e);
    }
    work.shutdown();
    status.shutdown();
  }

  /** Waits up to {@code grace} for handlers still running after {@link #close}. */
  public void awaitTermination(Duration grace) {
    long until = System.nanoTime() + grace.toNanos();
    work.awaitTermination(grace);
    status.awaitTermination(Duration.ofNanos(Math.max(1, until - System.nanoTime())));
  }
}
