package dev.abusedesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.report.Kind;
import dev.abusedesk.report.Parsed;
import dev.abusedesk.report.Report;
import java.util.List;
import java.util.TreeSet;

/** What every parse result promises, whatever the input. */
public final class ReportInvariants {

  private ReportInvariants() {}

  /** Checks a result: one outcome, and every report it holds keeps the report's invariants. */
  public static void check(Parsed parsed) {
    assertThat(parsed).isNotNull();
    if (parsed instanceof Parsed.Read read) {
      assertThat(read.reports()).isNotEmpty();
      read.reports().forEach(ReportInvariants::check);
    } else if (parsed instanceof Parsed.Unreadable unreadable) {
      // The parser's catch-all turns a bug into this reason so that one input cannot end a run;
      // in a test it is a bug all the same.
      assertThat(unreadable.reason()).isNotBlank().doesNotStartWith("cannot parse input");
    }
  }

  public static void check(Report report) {
    assertThat(report.category() == null).isEqualTo(report.kind() == Kind.NOT_ABUSE);
    for (List<String> list :
        List.of(
            report.accounts(),
            report.regions(),
            report.resources(),
            report.ips(),
            report.complaint().sourceIps(),
            report.complaint().reportedDomains(),
            report.complaint().recipientDomains())) {
      assertThat(list).doesNotContainNull().isEqualTo(List.copyOf(new TreeSet<>(list)));
    }
    assertThat(report.accounts()).allMatch(a -> a.matches("\\d{12}"));
    assertThat(report.receivedAt()).isNotNull();
    if (report.kind().asksForReply()) {
      assertThat(report.deadline()).isNotNull().isAfterOrEqualTo(report.receivedAt());
    } else {
      assertThat(report.deadline()).isNull();
    }
  }
}
