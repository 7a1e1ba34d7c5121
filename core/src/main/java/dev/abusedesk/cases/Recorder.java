package dev.abusedesk.cases;

import dev.abusedesk.report.Parsed;
import dev.abusedesk.report.Report;
import dev.abusedesk.report.ReportParser;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.spool.SpoolEntry;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Takes spooled messages into the store: parse, record, then remove from the spool. The same code
 * whatever the entry point (the mail pipe, the daemon, a cron run of {@code process}).
 */
public final class Recorder {

  private static final System.Logger LOG = System.getLogger(Recorder.class.getName());

  /** The spool ID column holds 100; an array's events add {@code #N}. */
  public static final int MAX_ID = 90;

  private final FileSpool spool;
  private final CaseStore store;
  private final ReportParser parser;

  public Recorder(FileSpool spool, CaseStore store, ReportParser parser) {
    this.spool = Objects.requireNonNull(spool, "spool");
    this.store = Objects.requireNonNull(store, "store");
    this.parser = Objects.requireNonNull(parser, "parser");
  }

  /** What became of one spooled message. */
  public sealed interface Outcome permits Outcome.Stored, Outcome.SetAside, Outcome.Gone {
    /** Recorded (or recognised as recorded before), and removed from the spool. */
    record Stored(SpoolEntry entry, List<Recorded> recorded) implements Outcome {}

    /** Holds no report: moved to the spool's failed/ folder with the reason. */
    record SetAside(SpoolEntry entry, String reason) implements Outcome {}

    /** Another process took it first. */
    record Gone(SpoolEntry entry) implements Outcome {}
  }

  /** Records one spooled message. A store failure propagates and leaves it spooled. */
  public Outcome take(SpoolEntry entry) {
    byte[] raw;
    try {
      raw = spool.read(entry);
    } catch (NoSuchFileException e) {
      return new Outcome.Gone(entry);
    } catch (IOException e) {
      throw new StoreException("cannot read spooled " + entry.id() + ": " + e.getMessage(), e);
    }
    Taken taken = record(raw, entry.id(), entry.intake(), entry.spooledAt());
    if (taken instanceof Taken.Unreadable unreadable) {
      spool.quarantine(entry, unreadable.reason());
      return new Outcome.SetAside(entry, unreadable.reason());
    }
    spool.remove(entry);
    return new Outcome.Stored(entry, ((Taken.Stored) taken).recorded());
  }

  /** What became of one message recorded without the spool. */
  public sealed interface Taken permits Taken.Stored, Taken.Unreadable {
    /** Recorded, or recognised as recorded before. */
    record Stored(List<Recorded> recorded) implements Taken {
      public Stored {
        recorded = List.copyOf(recorded);
      }
    }

    /** Holds no report; nothing was recorded. */
    record Unreadable(String reason) implements Taken {
      public Unreadable {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }

  /**
   * Records one message that is already durable elsewhere (an S3 object, an SQS message, a Health
   * API answer), under an idempotency key its source gives: recording the same {@code id} again is
   * {@link Recorded.AlreadyRecorded}, so a retried Lambda invocation never records twice.
   *
   * @param id at most 90 characters, stable across retries of the same message
   * @param readAt stands in for a missing or unreadable date in the message
   */
  public Taken record(byte[] raw, String id, String intake, Instant readAt) {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(intake, "intake");
    Objects.requireNonNull(readAt, "readAt");
    if (id.isEmpty() || id.length() > MAX_ID) {
      throw new IllegalArgumentException("an idempotency key has 1 to " + MAX_ID + " characters");
    }
    if (store.isRecorded(id)) {
      return new Taken.Stored(List.of(new Recorded.AlreadyRecorded()));
    }
    Parsed parsed = parser.parse(raw, readAt);
    if (parsed instanceof Parsed.Unreadable unreadable) {
      LOG.log(System.Logger.Level.WARNING, "set aside {0}: {1}", id, unreadable.reason());
      return new Taken.Unreadable(unreadable.reason());
    }
    List<Report> reports = ((Parsed.Read) parsed).reports();
    List<Recorded> recorded = new ArrayList<>(reports.size());
    for (int i = 0; i < reports.size(); i++) {
      // An array of events is one message: each event gets its own stable ID.
      String eventId = reports.size() == 1 ? id : id + "#" + i;
      recorded.add(store.record(reports.get(i), raw, eventId, intake));
    }
    return new Taken.Stored(recorded);
  }

  /** Records every message waiting in the spool, oldest first. */
  public List<Outcome> takePending() {
    List<Outcome> outcomes = new ArrayList<>();
    for (SpoolEntry entry : spool.pending()) {
      outcomes.add(take(entry));
    }
    return outcomes;
  }
}
