package dev.abusedesk.app.serve;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * A message's bytes with a deadline for all of them. The socket's read timeout only bounds each
 * read, so a client sending a byte a second would hold its session for as long as it liked; here
 * every read waits at most until the deadline, and none starts after it.
 */
final class DataDeadline extends FilterInputStream {

  private final Socket socket;
  private final int idleMillis;
  private final long deadline;
  private boolean passed;

  DataDeadline(Socket socket, InputStream in, Duration idle, Duration within) {
    super(Objects.requireNonNull(in, "in"));
    this.socket = Objects.requireNonNull(socket, "socket");
    this.idleMillis = (int) idle.toMillis();
    this.deadline = System.nanoTime() + within.toNanos();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    long left = (deadline - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      passed = true;
      throw new SocketTimeoutException("the message took too long to arrive");
    }
    socket.setSoTimeout((int) Math.min(idleMillis, left));
    try {
      return super.read(b, off, len);
    } catch (SocketTimeoutException e) {
      passed = System.nanoTime() - deadline >= 0;
      throw e;
    }
  }

  /** Whether reading stopped at the deadline. */
  boolean passed() {
    return passed;
  }

  /** Puts the socket's read timeout back for the commands that follow. */
  void restore() throws IOException {
    if (!socket.isClosed()) {
      socket.setSoTimeout(idleMillis);
    }
  }
}
