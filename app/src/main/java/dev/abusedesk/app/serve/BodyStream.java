package dev.abusedesk.app.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * A request body for a handler that streams it (raw mail into the spool), read on the handler's
 * thread. It ends by a deadline for the whole body, so a trickling client holds that thread for a
 * bounded time; past the route's cap by one byte it fails rather than read on.
 */
final class BodyStream extends InputStream {

  private final Request request;
  private final long maxBytes;
  private final long deadline;
  private final Semaphore arrived = new Semaphore(0);
  private Content.Chunk current;
  private long read;
  private boolean ended;
  private boolean expired;
  private IOException failure;

  BodyStream(Request request, long maxBytes, Duration within) {
    this.request = Objects.requireNonNull(request, "request");
    this.maxBytes = maxBytes;
    this.deadline = System.nanoTime() + within.toNanos();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    while (true) {
      if (failure != null) {
        throw failure;
      }
      if (ended) {
        return -1;
      }
      if (current == null) {
        current = next();
        continue;
      }
      ByteBuffer buffer = current.getByteBuffer();
      if (buffer.hasRemaining()) {
        // One byte past the cap is handed out, so that the reader sees the body is too large.
        int n = (int) Math.min(Math.min(len, buffer.remaining()), maxBytes + 1 - read);
        if (n <= 0) {
          throw fail(new IOException("the body is larger than " + maxBytes + " bytes"), false);
        }
        buffer.get(b, off, n);
        read += n;
        return n;
      }
      ended = current.isLast();
      current.release();
      current = null;
    }
  }

  /** The next chunk, waiting for it at most until the deadline; null when the wait ended early. */
  private Content.Chunk next() throws IOException {
    Content.Chunk chunk = request.read();
    if (chunk == null) {
      long left = deadline - System.nanoTime();
      request.demand(arrived::release);
      try {
        if (left <= 0 || !arrived.tryAcquire(left, TimeUnit.NANOSECONDS)) {
          throw fail(new IOException("the request body took too long"), true);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw fail(new InterruptedIOException("interrupted reading the request body"), false);
      }
      return null;
    }
    if (Content.Chunk.isFailure(chunk)) {
      Throwable cause = chunk.getFailure();
      throw fail(
          new IOException("the request body broke off", cause), cause instanceof TimeoutException);
    }
    return chunk;
  }

  private IOException fail(IOException e, boolean slow) {
    failure = e;
    expired = slow;
    return e;
  }

  /** Whether reading stopped at the deadline (or an idle read): the answer is then 408. */
  synchronized boolean expired() {
    return expired;
  }

  /** Whether the whole body was read: otherwise the connection cannot carry another request. */
  synchronized boolean ended() {
    return ended;
  }

  @Override
  public synchronized void close() {
    if (current != null) {
      current.release();
      current = null;
    }
  }
}
