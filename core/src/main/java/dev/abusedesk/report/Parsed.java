package dev.abusedesk.report;

import java.util.List;
import java.util.Objects;

/** The outcome of reading one input: the reports it holds, or why it cannot be read. */
public sealed interface Parsed permits Parsed.Read, Parsed.Unreadable {

  /** An input that was read; a JSON array of events yields one report per event. */
  record Read(List<Report> reports) implements Parsed {
    public Read {
      reports = List.copyOf(reports);
    }
  }

  /** An input that holds no report: empty, malformed JSON, not a mail at all. */
  record Unreadable(String reason) implements Parsed {
    public Unreadable {
      Objects.requireNonNull(reason, "reason");
    }
  }

  static Parsed read(Report report) {
    return new Read(List.of(report));
  }

  static Parsed unreadable(String reason) {
    return new Unreadable(reason);
  }
}
