package dev.abusedesk.app.serve;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A deadline for request heads. Jetty limits each read (the idle timeout) but not a whole head, so
 * a client sending a header byte now and then would keep its connection for good, and enough of
 * them would fill the connection limit. A connection must deliver a complete head within {@code
 * first} of opening and within {@code next} of its previous answer, or it is closed.
 */
final class HeadDeadline implements Connection.Listener {

  private final Scheduler scheduler;
  private final Duration first;
  private final Duration next;

  HeadDeadline(Scheduler scheduler, Duration first, Duration next) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.first = Objects.requireNonNull(first, "first");
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void onOpened(Connection connection) {
    arm(connection, first);
  }

  /** After an answer: the connection may carry another request, whose head is due in time. */
  void answered(Connection connection) {
    arm(connection, next);
  }

  private void arm(Connection connection, Duration within) {
    // Jetty counts a request in once its head is complete.
    long heads = connection.getMessagesIn();
    scheduler.schedule(() -> expire(connection, heads), within.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static void expire(Connection connection, long heads) {
    EndPoint endPoint = connection.getEndPoint();
    if (connection.getMessagesIn() == heads && endPoint.isOpen()) {
      endPoint.close();
    }
  }
}
