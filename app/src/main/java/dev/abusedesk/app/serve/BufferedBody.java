package dev.abusedesk.app.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request body into memory without giving a thread to the client while it sends: Jetty
 * calls back when bytes arrive. Ends exactly once, in a {@link Read}: the body (at most the cap),
 * or a refusal (413 past the cap, 503 when the {@link BodyBudget} is spent, 408 at the deadline or
 * after an idle read), or a broken connection.
 */
final class BufferedBody implements Runnable {

  /** How reading a body ended. */
  sealed interface Read {
    /** The whole body; {@code held} bytes of the budget are the caller's to give back. */
    record Body(byte[] bytes, long held) implements Read {}

    record Refused(Refusal refusal) implements Read {}

    /** The client went away or sent a malformed body: nobody to answer. */
    record Broken(Throwable failure) implements Read {}
  }

  private final Request request;
  private final long maxBytes;
  private final BodyBudget budget;
  private final Consumer<Read> done;
  private final ByteArrayOutputStream bytes;
  private long held;
  private boolean finished;
  private Scheduler.Task deadline;

  private BufferedBody(Request request, long maxBytes, BodyBudget budget, Consumer<Read> done) {
    this.request = Objects.requireNonNull(request, "request");
    this.maxBytes = maxBytes;
    this.budget = Objects.requireNonNull(budget, "budget");
    this.done = Objects.requireNonNull(done, "done");
    long declared = request.getLength();
    this.bytes = new ByteArrayOutputStream((int) Math.min(declared > 0 ? declared : 8192, 8192));
  }

  /** Starts reading; {@code done} runs once, on whichever thread finishes the body or the clock. */
  static void read(
      Request request,
      long maxBytes,
      Duration within,
      BodyBudget budget,
      Scheduler scheduler,
      Consumer<Read> done) {
    BufferedBody body = new BufferedBody(request, maxBytes, budget, done);
    synchronized (body) {
      body.deadline = scheduler.schedule(body::expire, within.toMillis(), TimeUnit.MILLISECONDS);
    }
    body.run();
  }

  /** Reads what has arrived; asks Jetty to call again when more does. */
  @Override
  public synchronized void run() {
    while (!finished) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(this);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        Throwable failure = chunk.getFailure();
        finish(
            failure instanceof TimeoutException
                ? new Read.Refused(Refusal.tooSlow())
                : new Read.Broken(failure));
        return;
      }
      boolean last = chunk.isLast();
      try {
        ByteBuffer buffer = chunk.getByteBuffer();
        int n = buffer.remaining();
        if (bytes.size() + (long) n > maxBytes) {
          finish(new Read.Refused(Refusal.tooLarge(maxBytes)));
          return;
        }
        if (!budget.take(n)) {
          finish(new Read.Refused(Refusal.busy()));
          return;
        }
        held += n;
        copy(buffer);
      } finally {
        chunk.release();
      }
      if (last) {
        finish(new Read.Body(bytes.toByteArray(), held));
        return;
      }
    }
  }

  private void copy(ByteBuffer buffer) {
    if (buffer.hasArray()) {
      bytes.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
      return;
    }
    byte[] scratch = new byte[Math.min(buffer.remaining(), 16 * 1024)];
    while (buffer.hasRemaining()) {
      int n = Math.min(scratch.length, buffer.remaining());
      buffer.get(scratch, 0, n);
      bytes.write(scratch, 0, n);
    }
  }

  private synchronized void expire() {
    if (!finished) {
      finish(new Read.Refused(Refusal.tooSlow()));
    }
  }

  private void finish(Read read) {
    finished = true;
    deadline.cancel();
    if (!(read instanceof Read.Body)) {
      budget.give(held);
    }
    done.accept(read);
  }
}
