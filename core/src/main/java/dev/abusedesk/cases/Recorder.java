package dev.abusedesk.cases;

import dev.abusedesk.report.Parsed;
import dev.abusedesk.report.Report;
import dev.abusedesk.report.ReportParser;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.spool.SpoolEntry;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Takes spooled messages into the store: parse, record, then remove from the spool. The same code
 * whatever the entry point (the mail pipe, the daemon, a cron run of {@code process}).
 */
public final class Recorder {

  private static final System.Logger LOG = System.getLogger(Recorder.class.getName());

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
    if (store.isRecorded(entry.id())) {
      spool.remove(entry);
      return new Outcome.Stored(entry, List.of(new Recorded.AlreadyRecorded()));
    }
    Parsed parsed = parser.parse(raw, entry.spooledAt());
    if (parsed instanceof Parsed.Unreadable unreadable) {
      LOG.log(System.Logger.Level.WARNING, "set aside {0}: {1}", entry.id(), unreadable.reason());
      spool.quarantine(entry, unreadable.reason());
      return new Outcome.SetAside(entry, unreadable.reason());
    }
    List<Report> reports = ((Parsed.Read) parsed).reports();
    List<Recorded> recorded = new ArrayList<>(reports.size());
    for (int i = 0; i < reports.size(); i++) {
      // An array of events is one spooled message: each event gets its own stable spool ID.
      String id = reports.size() == 1 ? entry.id() : entry.id() + "#" + i;
      recorded.add(store.record(reports.get(i), raw, id, entry.intake()));
    }
    spool.remove(entry);
    return new Outcome.Stored(entry, recorded);
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
