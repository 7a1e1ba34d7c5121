package dev.abusedesk.app.serve;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Failed SMTP AUTH attempts, per client address (an IPv6 client by its /64, which one host usually
 * has whole). Attempts from one address take turns, so a hundred connections guessing at once get
 * no more guesses than one; each failure is answered later than the one before; once an address has
 * failed {@code maxFailures} times it is refused, at AUTH and on connecting, until its failures are
 * forgotten. A successful AUTH forgets them at once. Each failure is one log line with the address
 * and the username tried, never the password.
 */
final class LoginThrottle {

  /**
   * @param maxFailures failures after which an address is refused
   * @param forgetAfter how long after its last failure an address's failures are forgotten
   * @param firstDelay how long the first failure waits for its answer; each next one twice that
   * @param maxDelay the longest a failure waits for its answer
   */
  record Limits(int maxFailures, Duration forgetAfter, Duration firstDelay, Duration maxDelay) {
    Limits {
      Objects.requireNonNull(forgetAfter, "forgetAfter");
      Objects.requireNonNull(firstDelay, "firstDelay");
      Objects.requireNonNull(maxDelay, "maxDelay");
      if (maxFailures < 1 || forgetAfter.isNegative() || forgetAfter.isZero()) {
        throw new IllegalArgumentException("maxFailures and forgetAfter must be positive");
      }
      if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
        throw new IllegalArgumentException("0 <= firstDelay <= maxDelay");
      }
    }

    /** 5 failures, forgotten 15 minutes after the last; answers after 0.5, 1, 2, 4 and 8 s. */
    static Limits defaults() {
      return new Limits(5, Duration.ofMinutes(15), Duration.ofMillis(500), Duration.ofSeconds(8));
    }
  }

  private static final System.Logger LOG = System.getLogger(LoginThrottle.class.getName());

  /** Addresses remembered at most; past it the one whose last failure is oldest is forgotten. */
  static final int MAX_ADDRESSES = 10_000;

  private final Limits limits;
  private final Clock clock;
  private final Map<String, Tally> tallies = new HashMap<>();

  LoginThrottle(Limits limits, Clock clock) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What is known of one address; guarded by the throttle, its turn by {@code turn}. */
  private static final class Tally {
    final ReentrantLock turn = new ReentrantLock();
    int failures;
    Instant lastFailure = Instant.MIN;
    int users;
  }

  /** One address's turn at AUTH; closing it lets the next attempt from there go on. */
  final class Turn implements AutoCloseable {
    private final String key;
    private final Tally tally;

    private Turn(String key, Tally tally) {
      this.key = key;
      this.tally = tally;
    }

    /** The attempt logged in: the address's failures are forgotten. */
    void succeeded() {
      synchronized (LoginThrottle.this) {
        tally.failures = 0;
      }
    }

    @Override
    public void close() {
      tally.turn.unlock();
      release(key, tally);
    }
  }

  /**
   * The address's turn at AUTH, waiting up to {@code wait} for an attempt from the same address to
   * finish; empty when the address is refused or its turn did not come in time.
   */
  Optional<Turn> turn(InetAddress client, Duration wait) throws InterruptedException {
    String key = key(client);
    Tally tally;
    synchronized (this) {
      tally = tallies.computeIfAbsent(key, k -> new Tally());
      tally.users++;
    }
    boolean locked = false;
    try {
      locked = tally.turn.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
      if (locked && !refused(tally)) {
        return Optional.of(new Turn(key, tally));
      }
    } catch (InterruptedException e) {
      release(key, tally);
      throw e;
    }
    if (locked) {
      tally.turn.unlock();
    }
    release(key, tally);
    return Optional.empty();
  }

  /**
   * Counts a failed attempt from {@code client} (during its turn) and logs it.
   *
   * @param username as the client gave it; only shown escaped and shortened
   * @return how long to wait before answering it
   */
  Duration failed(InetAddress client, String username) {
    int failures;
    synchronized (this) {
      Tally tally = tallies.computeIfAbsent(key(client), k -> new Tally());
      forgetIfOld(tally);
      failures = ++tally.failures;
      tally.lastFailure = clock.instant();
    }
    boolean last = failures >= limits.maxFailures();
    LOG.log(
        System.Logger.Level.WARNING,
        "SMTP AUTH failed for user {0} from {1} ({2} of {3}){4}",
        quote(username),
        client.getHostAddress(),
        failures,
        limits.maxFailures(),
        last ? "; refusing that address for " + minutes(limits.forgetAfter()) : "");
    return delay(failures);
  }

  /** Whether a new connection from {@code client} is refused at once. */
  synchronized boolean refuses(InetAddress client) {
    Tally tally = tallies.get(key(client));
    return tally != null && refused(tally);
  }

  /** How long the answer to the {@code failures}-th failure waits: doubling, capped. */
  Duration delay(int failures) {
    Duration delay = limits.firstDelay();
    for (int i = 1; i < failures && delay.compareTo(limits.maxDelay()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(limits.maxDelay()) > 0 ? limits.maxDelay() : delay;
  }

  synchronized int addresses() {
    return tallies.size();
  }

  private synchronized boolean refused(Tally tally) {
    forgetIfOld(tally);
    return tally.failures >= limits.maxFailures();
  }

  private void forgetIfOld(Tally tally) {
    if (tally.failures > 0
        && !clock.instant().isBefore(tally.lastFailure.plus(limits.forgetAfter()))) {
      tally.failures = 0;
    }
  }

  private synchronized void release(String key, Tally tally) {
    tally.users--;
    forgetIfOld(tally);
    if (tally.users == 0 && tally.failures == 0) {
      tallies.remove(key, tally);
    }
    if (tallies.size() > MAX_ADDRESSES) {
      tallies.values().removeIf(t -> t.users == 0 && forgotten(t));
    }
    while (tallies.size() > MAX_ADDRESSES) {
      Optional<String> oldest =
          tallies.entrySet().stream()
              .filter(e -> e.getValue().users == 0)
              .min(Comparator.comparing(e -> e.getValue().lastFailure))
              .map(Map.Entry::getKey);
      if (oldest.isEmpty()) {
        break; // every one is in the middle of an attempt; the session cap keeps them few
      }
      tallies.remove(oldest.get());
    }
  }

  private boolean forgotten(Tally tally) {
    forgetIfOld(tally);
    return tally.failures == 0;
  }

  /** The address, or for IPv6 its /64: a host rarely has less, and can pick any in it. */
  static String key(InetAddress client) {
    if (client instanceof Inet6Address) {
      byte[] prefix = Arrays.copyOf(client.getAddress(), 16);
      Arrays.fill(prefix, 8, 16, (byte) 0);
      try {
        return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
      } catch (java.net.UnknownHostException e) {
        throw new IllegalStateException("16 bytes are an IPv6 address", e);
      }
    }
    return client.getHostAddress();
  }

  /** A client's text for a log line: quoted, on one line, at most 64 characters. */
  static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    text.codePoints()
        .limit(64)
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                quoted.append('\\').appendCodePoint(c);
              } else if (Character.isISOControl(c) || !Character.isDefined(c)) {
                quoted.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
              } else {
                quoted.appendCodePoint(c);
              }
            });
    return quoted.append(text.codePointCount(0, text.length()) > 64 ? "...\"" : "\"").toString();
  }

  private static String minutes(Duration duration) {
    return duration.toMinutes() > 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
  }
}
