package dev.abusedesk.app.serve;

import dev.abusedesk.cases.Outbox;
import dev.abusedesk.config.Intake;
import dev.abusedesk.config.Secret;
import dev.abusedesk.spool.FileSpool;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Polls a mailbox over IMAP (IMAPS when {@code tls}; password or XOAUTH2 token) and spools each new
 * message before marking it seen or moving it to {@code move_to}. One instance polls at a time (the
 * {@code imap-poll} lease); it connects afresh for every poll, so a restarted server or a fixed
 * password simply works on the next one, and failures back off exponentially.
 *
 * <p>Progress is a cursor in the store, per folder: UIDVALIDITY, the last UID taken, and whether it
 * was settled. Where a crash leaves things:
 *
 * <ul>
 *   <li>Before the spool write completes: nothing kept, the cursor unmoved; the message is taken
 *       again.
 *   <li>After the spool write, before the cursor names it: the one window with a duplicate. The
 *       message is spooled again (at least once; recording joins both into the same case).
 *   <li>After the cursor names it, before it is settled: the next poll settles it without spooling
 *       it again. A crash after settling but before the cursor says so settles it again, which is
 *       harmless (with COPY instead of MOVE, a second copy in {@code move_to}).
 * </ul>
 *
 * <p>Without a cursor (first start) or when UIDVALIDITY changed, the UIDs mean nothing any more:
 * unseen messages are taken, seen ones left alone. Messages over 30 MiB are left unread in the
 * mailbox, counted as errors and logged, and not tried again.
 */
public final class ImapPoller implements Supervised {

  /**
   * What one poll did.
   *
   * @param leased false when another instance holds the poll: nothing was done
   * @param errors messages that could not be taken, and the failure that stopped the poll if any
   * @param problem why the poll stopped early; never holds the password or token
   */
  public record Result(
      boolean leased, int fetched, int spooled, int errors, Optional<String> problem) {
    public Result {
      Objects.requireNonNull(problem, "problem");
    }

    /** The poll could not finish: the next one waits longer. */
    public boolean failed() {
      return problem.isPresent();
    }
  }

  static final String JOB = "imap-poll";
  static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);
  private static final System.Logger LOG = System.getLogger(ImapPoller.class.getName());

  private final Intake.Imap config;
  private final FileSpool spool;
  private final Outbox outbox;
  private final Clock clock;
  private final String owner;
  private final Runnable onSpooled;
  private final long maxBytes;
  private final Session session;
  private final Secret secret;
  private final String cursorName;
  private final Duration lease;
  private final Object sleep = new Object();
  private volatile boolean stopping;
  private Thread thread;
  private volatile int failuresInARow;
  private volatile String lastProblem = "";

  /**
   * @param owner this instance, unique among those sharing the store (e.g. host and pid)
   * @param onSpooled called after each spooled message, e.g. to wake the recording loop
   */
  public ImapPoller(
      Intake.Imap config,
      FileSpool spool,
      Outbox outbox,
      Clock clock,
      String owner,
      Runnable onSpooled) {
    this(
        config, spool, outbox, clock, owner, onSpooled, Intake.DEFAULT_MAX_BYTES, new Properties());
  }

  /**
   * With another size limit, and extra Jakarta Mail session properties, which win: tests trust a
   * test certificate.
   */
  ImapPoller(
      Intake.Imap config,
      FileSpool spool,
      Outbox outbox,
      Clock clock,
      String owner,
      Runnable onSpooled,
      long maxBytes,
      Properties overrides) {
    this.config = Objects.requireNonNull(config, "config");
    this.spool = Objects.requireNonNull(spool, "spool");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.onSpooled = Objects.requireNonNull(onSpooled, "onSpooled");
    this.maxBytes = maxBytes;
    this.secret = config.password().or(config::oauth2Token).orElseThrow();
    this.cursorName = "imap:" + config.host() + ":" + config.username() + ":" + config.folder();
    // Long enough to keep it from one poll to the next; short enough for another to take over.
    this.lease = config.interval().multipliedBy(2).plus(Duration.ofMinutes(1));
    Properties properties = properties(config);
    properties.putAll(overrides);
    this.session = Session.getInstance(properties);
  }

  /** One poll, now, if this instance holds the lease. Failures are in the result. */
  public synchronized Result pollOnce() {
    if (!outbox.lease(JOB, owner, clock.instant(), lease)) {
      return new Result(false, 0, 0, 0, Optional.empty());
    }
    ImapPass pass =
        new ImapPass(
            spool,
            outbox,
            clock,
            cursorName,
            config.moveTo(),
            maxBytes,
            onSpooled,
            () -> !stopping && outbox.lease(JOB, owner, clock.instant(), lease));
    Store store = null;
    try {
      store = session.getStore(config.tls() ? "imaps" : "imap");
      store.connect(config.host(), config.port(), config.username(), secret.reveal());
      pass.run((IMAPStore) store, config.folder());
    } catch (AuthenticationFailedException e) {
      pass.problem = Optional.of("the server refused the login: " + describe(e));
    } catch (MessagingException e) {
      pass.problem = Optional.of(describe(e));
    } finally {
      close(store);
    }
    int errors = pass.errors + (pass.problem.isPresent() ? 1 : 0);
    return new Result(true, pass.fetched, pass.spooled, errors, pass.problem);
  }

  /** Polls every {@code interval} on a thread of its own until {@link #stop()}. */
  public void start() {
    synchronized (sleep) {
      if (thread != null) {
        throw new IllegalStateException("already started");
      }
      thread = new Thread(this::loop, "imap-poller");
      thread.setDaemon(true);
      thread.start();
    }
  }

  @Override
  public String name() {
    return "imap " + config.host() + " " + config.folder();
  }

  /** Troubled after three failed polls in a row (a refused login, a server down). */
  @Override
  public Condition condition(Instant now) {
    Thread running;
    synchronized (sleep) {
      running = thread;
    }
    if (running != null && !running.isAlive() && !stopping) {
      return new Condition.Dead("its thread ended");
    }
    int failures = failuresInARow;
    if (failures >= 3) {
      return new Condition.Troubled(failures + " polls failed in a row: " + lastProblem);
    }
    return Condition.WORKING;
  }

  /** Stops polling; a poll under way ends after the message it is on (waits up to 5 s). */
  public void stop() {
    Thread running;
    synchronized (sleep) {
      stopping = true;
      sleep.notifyAll();
      running = thread;
    }
    if (running != null) {
      try {
        running.join(STOP_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The wait after {@code failures} failed polls in a row: doubling from the interval, capped. */
  static Duration backoff(int failures, Duration interval) {
    Duration doubled = interval.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
    Duration capped = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    return capped.compareTo(interval) < 0 ? interval : capped;
  }

  private void loop() {
    int failures = 0;
    while (!stopping) {
      Result result;
      try {
        result = pollOnce();
      } catch (Exception | Error e) {
        Fatal.check(e);
        // The store or the spool itself failed: the same backoff, the whole story in the log.
        LOG.log(System.Logger.Level.ERROR, "IMAP poll of " + cursorName + " failed", e);
        result = new Result(true, 0, 0, 1, Optional.of(e.getClass().getSimpleName()));
      }
      Duration wait = config.interval();
      failuresInARow = result.failed() ? failures + 1 : 0;
      lastProblem = result.problem().orElse("");
      if (result.failed()) {
        failures++;
        wait = backoff(failures, config.interval());
        LOG.log(
            System.Logger.Level.WARNING,
            "IMAP poll of {0} failed ({1} in a row), next try in {2}: {3}",
            cursorName,
            Integer.toString(failures),
            wait,
            result.problem().orElseThrow());
      } else if (failures > 0) {
        LOG.log(System.Logger.Level.INFO, "IMAP poll of {0} works again", cursorName);
        failures = 0;
      }
      pause(wait);
    }
  }

  private void pause(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (sleep) {
      long left;
      while (!stopping && (left = deadline - System.nanoTime()) > 0) {
        try {
          sleep.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** The exception's text, with the secret blanked out should a server ever echo it. */
  private String describe(MessagingException e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    Throwable cause = e.getCause();
    if (cause != null && cause != e) {
      text.append(" (").append(cause.getClass().getSimpleName());
      text.append(cause.getMessage() == null ? "" : ": " + cause.getMessage()).append(')');
    }
    return text.toString().replace(secret.reveal(), "***");
  }

  private static Properties properties(Intake.Imap config) {
    String prefix = config.tls() ? "mail.imaps." : "mail.imap.";
    Properties properties = new Properties();
    properties.setProperty(prefix + "connectiontimeout", "10000");
    properties.setProperty(prefix + "timeout", "30000");
    properties.setProperty(prefix + "writetimeout", "30000");
    // Reading a message must not mark it seen: it is marked only once it is in the spool.
    properties.setProperty(prefix + "peek", "true");
    properties.setProperty(prefix + "ssl.checkserveridentity", "true");
    if (config.oauth2Token().isPresent()) {
      properties.setProperty(prefix + "auth.mechanisms", "XOAUTH2");
      properties.setProperty(prefix + "auth.xoauth2.disable", "false");
    }
    return properties;
  }

  private static void close(Store store) {
    if (store != null) {
      try {
        store.close();
      } catch (MessagingException e) {
        // The connection is gone already.
      }
    }
  }
}
