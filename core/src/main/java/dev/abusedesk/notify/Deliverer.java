package dev.abusedesk.notify;

import dev.abusedesk.cases.Outbox;
import dev.abusedesk.config.Config;
import dev.abusedesk.config.Receiver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * Sends what the outbox holds: claims due messages under a lease, sends each receiver's messages in
 * order on its own lane, and records the outcome. Network errors, 5xx and 429 are retried with
 * backoff (or the wait the tool asks for) until {@link #GIVE_UP_AFTER}; other refusals are final
 * and visible in {@code outbox list}. At least once: a crash after sending and before recording
 * sends the message again.
 */
public final class Deliverer implements AutoCloseable {

  /** How long a claim holds; a dead instance's claims are taken over after it. */
  public static final Duration LEASE = Duration.ofMinutes(2);

  /** A lane waits at most this long for its receiver's pace before leaving the rest for later. */
  static final Duration MAX_RATE_WAIT = Duration.ofSeconds(20);

  static final Duration GIVE_UP_AFTER = Duration.ofHours(72);
  private static final int BATCH = 100;
  private static final System.Logger LOG = System.getLogger(Deliverer.class.getName());

  /** What one pass did. */
  public record Result(int sent, int retried, int failed) {
    public boolean idle() {
      return sent + retried + failed == 0;
    }
  }

  /** Observes each outcome, for metrics. */
  @FunctionalInterface
  public interface Observer {
    void delivered(String receiver, String outcome, Duration sinceQueued);

    Observer NONE = (receiver, outcome, latency) -> {};
  }

  private final Outbox outbox;
  private final Map<String, Receiver> receivers = new LinkedHashMap<>();
  private final Sender sender;
  private final Config config;
  private final Clock clock;
  private final String owner;
  private final RateLimits limits;

  /** Receivers that asked for a pause (Retry-After), until when: nothing goes to them before. */
  private final Map<String, Instant> pausedUntil = new java.util.concurrent.ConcurrentHashMap<>();

  private final RandomGenerator random;
  private final Observer observer;
  private Duration lease = LEASE;
  private final ExecutorService lanes = Executors.newCachedThreadPool(Deliverer::daemon);

  public Deliverer(
      Outbox outbox, Config config, Sender sender, Clock clock, String owner, Observer observer) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.config = Objects.requireNonNull(config, "config");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.limits = new RateLimits();
    this.random = RandomGenerator.getDefault();
    config.receivers().forEach(r -> receivers.put(r.name(), r));
  }

  /** A shorter or longer claim lease than {@link #LEASE}. */
  public Deliverer withLease(Duration lease) {
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("the lease must be positive");
    }
    this.lease = lease;
    return this;
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "abusedesk-delivery");
    t.setDaemon(true);
    return t;
  }

  /**
   * Sends everything due, pass after pass, until nothing is due or {@code budget} is spent. What is
   * left stays queued for the next run.
   */
  public Result deliverDue(Duration budget) {
    Instant stop = clock.instant().plus(budget);
    int sent = 0;
    int retried = 0;
    int failed = 0;
    while (clock.instant().isBefore(stop)) {
      List<Outbox.Item> items = outbox.claim(owner, clock.instant(), lease, BATCH);
      if (items.isEmpty()) {
        break;
      }
      Map<String, List<Outbox.Item>> byReceiver = new LinkedHashMap<>();
      items.forEach(i -> byReceiver.computeIfAbsent(i.receiver(), k -> new ArrayList<>()).add(i));
      AtomicInteger s = new AtomicInteger();
      AtomicInteger r = new AtomicInteger();
      AtomicInteger f = new AtomicInteger();
      List<Future<?>> running = new ArrayList<>();
      for (Map.Entry<String, List<Outbox.Item>> lane : byReceiver.entrySet()) {
        running.add(lanes.submit(() -> runLane(lane.getKey(), lane.getValue(), stop, s, r, f)));
      }
      for (Future<?> future : running) {
        try {
          future.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new Result(sent + s.get(), retried + r.get(), failed + f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          LOG.log(System.Logger.Level.ERROR, "delivery lane failed", e.getCause());
        }
      }
      sent += s.get();
      retried += r.get();
      failed += f.get();
    }
    return new Result(sent, retried, failed);
  }

  private void runLane(
      String name,
      List<Outbox.Item> items,
      Instant stop,
      AtomicInteger sent,
      AtomicInteger retried,
      AtomicInteger failed) {
    Receiver receiver = receivers.get(name);
    for (Outbox.Item item : items) {
      if (receiver == null) {
        outbox.failed(item.id(), clock.instant(), "no receiver named " + name + " is configured");
        failed.incrementAndGet();
        continue;
      }
      Instant paused = pausedUntil.get(name);
      if (paused != null && clock.instant().isBefore(paused)) {
        outbox.release(item.id(), paused);
        continue;
      }
      Duration wait = limits.reserve(receiver);
      if (wait.compareTo(MAX_RATE_WAIT) > 0 || clock.instant().plus(wait).isAfter(stop)) {
        // Out of time for this run: leave it due, for the next one.
        outbox.release(item.id(), clock.instant().plus(wait));
        continue;
      }
      sleep(wait);
      switch (deliver(receiver, item)) {
        case SENT -> sent.incrementAndGet();
        case RETRY -> retried.incrementAndGet();
        case FAILED -> failed.incrementAndGet();
      }
    }
  }

  private enum Outcome {
    SENT,
    RETRY,
    FAILED
  }

  private Outcome deliver(Receiver receiver, Outbox.Item item) {
    Alert alert = AlertJson.read(item.payload());
    Rendering rendering =
        new Rendering(
            config.language(),
            config.timezone(),
            clock.instant(),
            receiver.mentions(),
            outbox.threadRef(item.caseId(), receiver.name()));
    Delivery delivery;
    try {
      delivery = sender.send(receiver, alert, rendering);
    } catch (RuntimeException e) {
      // A bug in one receiver must not stop the others; the message is retried.
      LOG.log(System.Logger.Level.ERROR, "sending to " + receiver.name() + " failed", e);
      delivery = new Delivery.Retry(null, "internal error: " + e.getClass().getSimpleName());
    }
    Instant now = clock.instant();
    Duration latency = Duration.between(item.createdAt(), now);
    if (delivery instanceof Delivery.Sent sent) {
      outbox.sent(item.id(), now);
      if (!sent.ref().isEmpty()) {
        outbox.keepThreadRef(item.caseId(), receiver.name(), sent.ref());
      }
      observer.delivered(receiver.name(), "sent", latency);
      return Outcome.SENT;
    }
    if (delivery instanceof Delivery.Retry retry) {
      if (latency.compareTo(GIVE_UP_AFTER) > 0) {
        outbox.failed(
            item.id(), now, "gave up after " + GIVE_UP_AFTER.toHours() + " h: " + retry.reason());
        observer.delivered(receiver.name(), "failed", latency);
        return Outcome.FAILED;
      }
      Duration wait = Backoff.after(item.attempts() + 1, random);
      if (retry.after() != null) {
        pausedUntil.merge(receiver.name(), now.plus(retry.after()), (a, b) -> a.isAfter(b) ? a : b);
        wait = retry.after().compareTo(wait) > 0 ? retry.after() : wait;
      }
      outbox.retry(item.id(), now.plus(wait), retry.reason());
      observer.delivered(receiver.name(), "retry", latency);
      return Outcome.RETRY;
    }
    outbox.failed(item.id(), now, ((Delivery.Failed) delivery).reason());
    observer.delivered(receiver.name(), "failed", latency);
    return Outcome.FAILED;
  }

  private static void sleep(Duration wait) {
    if (wait.isZero() || wait.isNegative()) {
      return;
    }
    try {
      Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    lanes.shutdownNow();
  }
}
