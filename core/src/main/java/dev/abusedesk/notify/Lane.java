package dev.abusedesk.notify;

import dev.abusedesk.cases.Outbox;
import dev.abusedesk.config.Config;
import dev.abusedesk.config.ConfigException;
import dev.abusedesk.config.Problem;
import dev.abusedesk.config.Receiver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * One receiver's messages for one round of the {@link Deliverer}, sent in order at the receiver's
 * pace: it claims only what fits before the round ends and gives back unsent, in its place, what
 * did not; a burst of one kind goes out folded into digests.
 */
final class Lane {

  /** More messages of one kind than a receiver's pace sends in this long fold into digests. */
  static final Duration FOLD_AFTER = Duration.ofSeconds(10);

  /**
   * After a digest, a receiver stays in a burst for this long: any two or more messages of a kind
   * that waits fold too, so that a burst still arriving goes out in few, full messages instead of a
   * digest, then singles, then a digest again.
   */
  static final Duration BURST_LASTS = Duration.ofSeconds(30);

  /** After a receiver refused a digest for good, it gets single messages for this long. */
  static final Duration NO_DIGESTS_AFTER_REFUSAL = Duration.ofMinutes(15);

  /** A message not sent this long after it was queued fails for good. */
  static final Duration GIVE_UP_AFTER = Duration.ofHours(72);

  /** A Retry-After shorter than this is taken as this: never a hot loop against a busy tool. */
  private static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);

  /** Messages one claim takes at most. */
  static final int BATCH = 100;

  private static final int MAX_FOLDED = Digest.MAX_CASES * 20;
  private static final System.Logger LOG = System.getLogger(Lane.class.getName());

  /** What every lane shares. */
  record Tools(
      Outbox outbox,
      Sender sender,
      Config config,
      Clock clock,
      String owner,
      Duration lease,
      Pace pace,
      RandomGenerator random,
      Deliverer.Observer observer) {

    Outbox.Claim claim(String receiver, Optional<String> kind, int limit) {
      return new Outbox.Claim(owner, receiver, kind, clock.instant(), lease, limit);
    }
  }

  private final Tools tools;
  private final Outbox outbox;
  private final Sender sender;
  private final Config config;
  private final Clock clock;
  private final Pace pace;
  private final RandomGenerator random;
  private final Deliverer.Observer observer;
  private final Receiver receiver;
  private final Instant stop;
  private final Tally tally;

  Lane(Tools tools, Receiver receiver, Instant stop, Tally tally) {
    this.tools = Objects.requireNonNull(tools, "tools");
    this.outbox = tools.outbox();
    this.sender = tools.sender();
    this.config = tools.config();
    this.clock = tools.clock();
    this.pace = tools.pace();
    this.random = tools.random();
    this.observer = tools.observer();
    this.receiver = Objects.requireNonNull(receiver, "receiver");
    this.stop = Objects.requireNonNull(stop, "stop");
    this.tally = Objects.requireNonNull(tally, "tally");
  }

  void run() {
    while (clock.instant().isBefore(stop) && slotBeforeStop()) {
      Map<String, Integer> waiting = outbox.claimable(receiver.name(), clock.instant());
      if (waiting.isEmpty()) {
        return;
      }
      Optional<Alert.Type> burst = burst(waiting);
      boolean goOn =
          burst.isPresent() ? sendDigests(burst.get()) : sendOneByOne(slotsLeftBeforeStop());
      if (!goOn) {
        return;
      }
    }
  }

  /** A kind of which more wait than the pace sends in {@link #FOLD_AFTER}, if the tool folds. */
  private Optional<Alert.Type> burst(Map<String, Integer> waiting) {
    Instant refused = pace.digestsRefusedUntil(receiver);
    if ((refused != null && clock.instant().isBefore(refused)) || !sender.takesDigests(receiver)) {
      return Optional.empty();
    }
    Instant burst = pace.burstUntil(receiver);
    int paced =
        burst != null && clock.instant().isBefore(burst) ? 1 : Pace.within(receiver, FOLD_AFTER);
    return Digest.TYPES.stream()
        .filter(type -> waiting.getOrDefault(type.wire(), 0) > paced)
        .findFirst();
  }

  private boolean sendOneByOne(int limit) {
    List<Outbox.Item> items =
        outbox.claim(tools.claim(receiver.name(), Optional.empty(), Math.min(limit, BATCH)));
    for (int i = 0; i < items.size(); i++) {
      if (!awaitSlot()) {
        outbox.release(ids(items.subList(i, items.size())));
        return false;
      }
      deliver(items.get(i));
    }
    return !items.isEmpty();
  }

  private boolean sendDigests(Alert.Type type) {
    List<Outbox.Item> items = new ArrayList<>();
    Map<Long, Alert> alerts = new HashMap<>();
    for (Outbox.Item item :
        outbox.claim(tools.claim(receiver.name(), Optional.of(type.wire()), MAX_FOLDED))) {
      try {
        alerts.put(item.id(), AlertJson.read(item.payload()));
        items.add(item);
      } catch (RuntimeException e) {
        // A payload this version cannot read would fail every digest it is folded into.
        fail(item, "unreadable message: " + e.getClass().getSimpleName(), clock.instant());
      }
    }
    List<List<Outbox.Item>> pages = new ArrayList<>();
    for (int i = 0; i < items.size(); i += Digest.MAX_CASES) {
      pages.add(items.subList(i, Math.min(items.size(), i + Digest.MAX_CASES)));
    }
    for (int p = 0; p < pages.size(); p++) {
      List<Outbox.Item> page = pages.get(p);
      if (!awaitSlot()) {
        outbox.release(ids(items.subList(p * Digest.MAX_CASES, items.size())));
        return false;
      }
      Digest digest =
          new Digest(
              type, page.stream().map(i -> alerts.get(i.id())).toList(), p + 1, pages.size());
      pace.take(receiver);
      Delivery delivery = sendDigest(digest);
      Instant now = clock.instant();
      if (delivery instanceof Delivery.Sent) {
        outbox.sentInDigest(ids(page), now);
        pace.burstLasts(receiver, now.plus(BURST_LASTS));
        for (Outbox.Item item : page) {
          observer.delivered(receiver.name(), "sent", Duration.between(item.createdAt(), now));
        }
        tally.sent.addAndGet(page.size());
      } else if (delivery instanceof Delivery.Retry retry) {
        page.forEach(item -> retry(item, retry, now));
        outbox.release(ids(items.subList((p + 1) * Digest.MAX_CASES, items.size())));
        return false;
      } else {
        // Refused for good (too large, a format the tool rejects): the same cases one by one
        // still get through, and their own failures say what is wrong.
        LOG.log(
            System.Logger.Level.WARNING,
            "{0} refused a digest ({1}); sending one message per case for a while",
            receiver.name(),
            ((Delivery.Failed) delivery).reason());
        pace.refuseDigests(receiver, now.plus(NO_DIGESTS_AFTER_REFUSAL));
        outbox.release(ids(items.subList(p * Digest.MAX_CASES, items.size())));
        return true;
      }
    }
    return !items.isEmpty();
  }

  private Delivery sendDigest(Digest digest) {
    try {
      return sender.sendDigest(receiver, digest, rendering(Optional.empty()));
    } catch (ConfigException e) {
      return unreadSecret(e);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "sending a digest to " + receiver.name() + " failed", e);
      return new Delivery.Retry(null, "internal error: " + e.getClass().getSimpleName());
    }
  }

  /**
   * A secret of this receiver could not be read when the configuration was loaded (a command that
   * loads it {@link dev.abusedesk.config.SecretCheck#WHEN_USED}): the message waits, with the
   * reason, for a run that has it.
   */
  private Delivery unreadSecret(ConfigException e) {
    String reason = e.problems().stream().map(Problem::toString).collect(Collectors.joining("; "));
    LOG.log(System.Logger.Level.WARNING, "cannot send to {0}: {1}", receiver.name(), reason);
    return new Delivery.Retry(null, reason);
  }

  private void deliver(Outbox.Item item) {
    Delivery delivery;
    pace.take(receiver);
    try {
      if (CustomerMail.Type.isCustomerMail(item.kind())) {
        delivery =
            sender.sendCustomerMail(
                receiver, CustomerMail.read(item.payload()), rendering(Optional.empty()));
      } else {
        Alert alert = AlertJson.read(item.payload());
        delivery =
            sender.send(
                receiver, alert, rendering(outbox.threadRef(item.caseId(), receiver.name())));
      }
    } catch (ConfigException e) {
      delivery = unreadSecret(e);
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
      tally.sent.incrementAndGet();
    } else if (delivery instanceof Delivery.Retry retry) {
      retry(item, retry, now);
    } else {
      fail(item, ((Delivery.Failed) delivery).reason(), now);
    }
  }

  private void retry(Outbox.Item item, Delivery.Retry retry, Instant now) {
    Duration latency = Duration.between(item.createdAt(), now);
    if (latency.compareTo(GIVE_UP_AFTER) > 0) {
      fail(item, "gave up after " + GIVE_UP_AFTER.toHours() + " h: " + retry.reason(), now);
      return;
    }
    // The tool's own Retry-After is the wait; without one, back off.
    Duration wait = Backoff.after(item.attempts() + 1, random);
    if (retry.after() != null) {
      wait = retry.after().compareTo(MIN_RETRY_AFTER) < 0 ? MIN_RETRY_AFTER : retry.after();
      pace.pause(receiver, now.plus(wait));
    }
    outbox.retry(item.id(), now.plus(wait), retry.reason());
    observer.delivered(receiver.name(), "retry", latency);
    tally.retried.incrementAndGet();
  }

  private void fail(Outbox.Item item, String reason, Instant now) {
    outbox.failed(item.id(), now, reason);
    observer.delivered(receiver.name(), "failed", Duration.between(item.createdAt(), now));
    tally.failed.incrementAndGet();
  }

  private Rendering rendering(Optional<String> threadRef) {
    return new Rendering(
        config.language(), config.timezone(), clock.instant(), receiver.mentions(), threadRef);
  }

  /** Waits for the receiver's next slot; false when it comes after the round's end. */
  private boolean awaitSlot() {
    if (!slotBeforeStop()) {
      return false;
    }
    sleep(pace.waitFor(receiver));
    return true;
  }

  /**
   * Whether the receiver's next slot comes before the round ends: its pace (real time) allows it
   * and no pause it asked for (domain time, like the due times it set) holds it back.
   */
  private boolean slotBeforeStop() {
    Instant now = clock.instant();
    Instant paused = pace.pausedUntil(receiver);
    return (paused == null || !paused.isAfter(now))
        && !now.plus(pace.waitFor(receiver)).isAfter(stop);
  }

  private int slotsLeftBeforeStop() {
    Duration left = Duration.between(clock.instant(), stop).minus(pace.waitFor(receiver));
    return Pace.within(receiver, left.isNegative() ? Duration.ZERO : left);
  }

  static List<Long> ids(List<Outbox.Item> items) {
    return items.stream().map(Outbox.Item::id).toList();
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
}
