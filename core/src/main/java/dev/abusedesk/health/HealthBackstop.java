package dev.abusedesk.health;

import dev.abusedesk.cases.Outbox;
import dev.abusedesk.cases.Recorded;
import dev.abusedesk.cases.Recorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The Health API backstop: every interval, reads the abuse and risk events updated since the last
 * poll and records them like any other Health event, in case an EventBridge delivery or a mail was
 * lost. What was already recorded through EventBridge is recognised as a re-delivery, so an event
 * is one report whichever way it came. One instance polls at a time (a lease in the store), and the
 * position is kept in the store, so the daemon and the scheduled Lambda share it.
 */
public final class HealthBackstop {

  static final String JOB = "health-api";
  static final String CURSOR = "health-api.last-updated";
  static final String POLLED_AT = "health-api.polled-at";

  /** The API may show an update a little after its time: each poll reaches back this far. */
  static final Duration OVERLAP = Duration.ofMinutes(15);

  /** How far the first poll reaches back; {@link #backfill} reaches further. */
  static final Duration FIRST_LOOKBACK = Duration.ofDays(1);

  private static final System.Logger LOG = System.getLogger(HealthBackstop.class.getName());

  /** Waits; injected so tests back off without waiting. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper THREAD = d -> Thread.sleep(d.toMillis());
  }

  /** Follows a backfill. */
  @FunctionalInterface
  public interface Progress {
    void advanced(int done, int total);

    Progress NONE = (done, total) -> {};
  }

  /**
   * How to poll.
   *
   * @param organizationView read the whole organization's events (management or delegated
   *     administrator account)
   * @param interval the time between polls
   * @param selfAccount the account polled, for events that name no affected entity (the Lambda
   *     knows it from its ARN); empty when unknown
   */
  public record Settings(
      boolean organizationView, Duration interval, Optional<String> selfAccount) {
    public Settings {
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(selfAccount, "selfAccount");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("interval must be positive");
      }
    }
  }

  private final Settings settings;
  private final HealthEndpoints endpoints;
  private final AwsCredentialsProvider credentials;
  private final Recorder recorder;
  private final Outbox outbox;
  private final Clock clock;
  private final String owner;
  private final Sleeper sleeper;

  public HealthBackstop(
      Settings settings,
      HealthEndpoints endpoints,
      AwsCredentialsProvider credentials,
      Recorder recorder,
      Outbox outbox,
      Clock clock,
      String owner,
      Sleeper sleeper) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * Polls once when due: when this instance holds the lease and the interval has passed since the
   * last poll by any instance. Records what it reads; the caller queues the alerts ({@code
   * Pipeline.queueAlerts()}). Never throws for what AWS answers.
   */
  public Poll pollOnce() {
    Instant now = clock.instant();
    if (!outbox.lease(JOB, owner, now, settings.interval())) {
      return new Poll.NotDue();
    }
    Optional<Instant> polledAt = instant(outbox.cursor(POLLED_AT));
    if (polledAt.isPresent() && now.isBefore(polledAt.get().plus(settings.interval()))) {
      return new Poll.NotDue();
    }
    Instant from =
        instant(outbox.cursor(CURSOR)).map(c -> c.minus(OVERLAP)).orElse(now.minus(FIRST_LOOKBACK));
    Poll poll = read(from, now, Progress.NONE);
    outbox.keepCursor(POLLED_AT, now.toString(), now);
    log(poll);
    return poll;
  }

  /**
   * Reads everything updated in the last {@code span}, whatever the cursor says (after an outage,
   * or when setting up). Recording is idempotent: what is known already is not recorded again.
   */
  public Poll backfill(Duration span, Progress progress) {
    Instant now = clock.instant();
    Poll poll = read(now.minus(span), now, Objects.requireNonNull(progress, "progress"));
    log(poll);
    return poll;
  }

  private Poll read(Instant from, Instant to, Progress progress) {
    try (HealthCalls calls = new HealthCalls(endpoints.inOrder(), credentials, sleeper)) {
      HealthReader reader =
          new HealthReader(calls, settings.organizationView(), settings.selfAccount());
      List<HealthReader.Listed> listed = reader.list(from, to);
      progress.advanced(0, listed.size());
      int recorded = 0;
      Instant newest = instant(outbox.cursor(CURSOR)).orElse(Instant.EPOCH);
      for (int i = 0; i < listed.size(); i += 10) {
        List<HealthReader.Listed> batch = listed.subList(i, Math.min(listed.size(), i + 10));
        for (HealthEvent event : reader.describe(batch)) {
          recorded += record(event);
          if (event.lastUpdatedTime().isAfter(newest) && !event.lastUpdatedTime().isAfter(to)) {
            newest = event.lastUpdatedTime();
          }
        }
        progress.advanced(i + batch.size(), listed.size());
      }
      if (!newest.equals(Instant.EPOCH)) {
        outbox.keepCursor(CURSOR, newest.toString(), clock.instant());
      }
      return new Poll.Polled(listed.size(), recorded, calls.throttled(), to);
    } catch (HealthApiException e) {
      return e.subscriptionRequired()
          ? new Poll.NotSubscribed(e.getMessage())
          : new Poll.Unavailable(e.getMessage());
    }
  }

  private int record(HealthEvent event) {
    Recorder.Taken taken =
        recorder.record(
            event.eventBridgeJson(), event.idempotencyKey(), "healthapi", clock.instant());
    if (taken instanceof Recorder.Taken.Stored stored) {
      return (int)
          stored.recorded().stream()
              .filter(
                  r -> !(r instanceof Recorded.AlreadyRecorded || r instanceof Recorded.Redelivery))
              .count();
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "Health API event {0} not recorded: {1}",
        event.arn(),
        ((Recorder.Taken.Unreadable) taken).reason());
    return 0;
  }

  private static void log(Poll poll) {
    if (poll instanceof Poll.NotSubscribed n) {
      LOG.log(System.Logger.Level.WARNING, n.message());
    } else if (poll instanceof Poll.Unavailable u) {
      LOG.log(System.Logger.Level.WARNING, "Health API: " + u.reason());
    } else if (poll instanceof Poll.Polled p) {
      LOG.log(
          System.Logger.Level.INFO, "Health API: {0} events, {1} new", p.events(), p.recorded());
    }
  }

  private static Optional<Instant> instant(Optional<String> text) {
    try {
      return text.map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
