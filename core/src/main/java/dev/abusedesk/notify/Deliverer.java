package dev.abusedesk.notify;

import dev.abusedesk.cases.Outbox;
import dev.abusedesk.config.Config;
import dev.abusedesk.config.Receiver;
import dev.abusedesk.config.ReceiverKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;

/**
 * Sends what the outbox holds, one lane per receiver, each at its tool's pace ({@link Pace}): a
 * lane claims only what it can send before its round ends, and gives back unsent what it could not,
 * in the place it had. When more new-case alerts (or reminders, or escalations) wait for a receiver
 * than its pace sends within {@link Lane#FOLD_AFTER}, they go out folded into digests, so that
 * every case is seen within seconds however large the burst; later messages about each case go one
 * by one ({@link Lane}). Network errors, 5xx and 429 are retried with backoff (or the wait the tool
 * asks for) until {@link Lane#GIVE_UP_AFTER}; other refusals are final and visible in {@code outbox
 * list}. At least once: a crash after sending and before recording sends the message again.
 */
public final class Deliverer implements AutoCloseable {

  /**
   * How long a claim holds; a dead instance's claims are taken over after it. A lane holds what it
   * claimed for one round (5 s in the daemon) plus one send (at most 15 s with the transports'
   * timeouts): 45 s leaves room, and a restart after a crash finds every claim free within it.
   */
  public static final Duration LEASE = Duration.ofSeconds(45);

  private static final System.Logger LOG = System.getLogger(Deliverer.class.getName());

  /** What one pass did, counted in messages (a digest counts each case it carried). */
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
  private final Observer observer;

  /** What each receiver may be sent and when: kept from one pass to the next. */
  private final Pace pace = new Pace();

  private final RandomGenerator random = RandomGenerator.getDefault();
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
    config.receivers().forEach(r -> receivers.put(r.name(), r));
    customerRelay(config).ifPresent(r -> receivers.put(r.name(), r));
  }

  /**
   * The {@code reply} relay as the receiver of the mail to customers, when customers are told
   * anything: paced, retried and listed like any receiver. Each mail names its own recipient (the
   * stored notice's contact); the relay's {@code to} is only its own sender, never written to.
   */
  static Optional<Receiver> customerRelay(Config config) {
    if (!config.customers().isOn()) {
      return Optional.empty();
    }
    return config
        .reply()
        .map(
            reply ->
                new Receiver(
                    Receiver.CUSTOMER_MAIL,
                    new ReceiverKind.Email(
                        reply.host(),
                        reply.port(),
                        reply.starttls(),
                        reply.username(),
                        reply.password(),
                        reply.from(),
                        List.of(reply.from()))));
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
   * Sends what is due, every receiver's lane at once, until nothing is due or {@code budget} is
   * spent. What is left stays queued, in its place, for the next run.
   */
  public Result deliverDue(Duration budget) {
    Instant stop = clock.instant().plus(budget);
    Tally tally = new Tally();
    Lane.Tools tools =
        new Lane.Tools(outbox, sender, config, clock, owner, lease, pace, random, observer);
    List<Future<?>> running = new ArrayList<>();
    for (String name : outbox.receiversDue(clock.instant())) {
      Receiver receiver = receivers.get(name);
      if (receiver == null) {
        failUnknown(name, tally);
      } else {
        running.add(lanes.submit(() -> new Lane(tools, receiver, stop, tally).run()));
      }
    }
    for (Future<?> future : running) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException e) {
        LOG.log(System.Logger.Level.ERROR, "delivery lane failed", e.getCause());
      }
    }
    return tally.result();
  }

  private void failUnknown(String name, Tally tally) {
    List<Outbox.Item> items;
    do {
      items =
          outbox.claim(
              new Outbox.Claim(owner, name, Optional.empty(), clock.instant(), lease, Lane.BATCH));
      for (Outbox.Item item : items) {
        outbox.failed(item.id(), clock.instant(), "no receiver named " + name + " is configured");
        tally.failed.incrementAndGet();
      }
    } while (!items.isEmpty());
  }

  @Override
  public void close() {
    lanes.shutdownNow();
  }
}
