package dev.abusedesk.app;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseEvent;
import dev.abusedesk.cases.StoredReport;
import dev.abusedesk.report.Report;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Cases as text for a terminal. Report text is untrusted: control characters never reach it. */
final class CaseTable {

  private CaseTable() {}

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  static void print(PrintWriter out, List<Case> cases, Instant now, ZoneId zone) {
    if (cases.isEmpty()) {
      out.println("no cases");
      return;
    }
    String format = "%-6s %-14s %-19s %-14s %-17s %-10s %-12s %s%n";
    out.printf(
        format,
        "ID",
        "STATUS",
        "CATEGORY",
        "ACCOUNT",
        "DEADLINE (" + zoneName(zone) + ")",
        "LEFT",
        "OWNER",
        "AWS CASE");
    for (Case c : cases) {
      out.printf(
          format,
          c.id(),
          c.status().wire(),
          c.category().wire(),
          first(c.accounts()),
          c.deadline() == null ? "-" : TIME.format(c.deadline().atZone(zone)),
          left(c, now),
          c.acknowledgedBy() == null ? "-" : safe(c.acknowledgedBy()),
          first(c.awsCaseIds()));
    }
  }

  static void printDetail(
      PrintWriter out,
      Case c,
      List<StoredReport> reports,
      List<CaseEvent> history,
      Instant now,
      ZoneId zone) {
    out.printf("case %d  %s  %s%n", c.id(), c.status().wire(), c.category().wire());
    out.printf("  accounts   %s%n", String.join(", ", c.accounts()));
    out.printf("  regions    %s%n", String.join(", ", c.regions()));
    out.printf("  resources  %s%n", String.join(", ", c.resources()));
    out.printf("  ips        %s%n", String.join(", ", c.ips()));
    out.printf("  aws cases  %s%n", String.join(", ", c.awsCaseIds()));
    out.printf(
        "  deadline   %s%s%n",
        c.deadline() == null
            ? "none"
            : TIME.format(c.deadline().atZone(zone)) + " " + zoneName(zone),
        c.deadline() == null ? "" : "  (" + left(c, now) + ")");
    if (c.acknowledgedBy() != null) {
      out.printf(
          "  owner      %s since %s%n",
          safe(c.acknowledgedBy()), TIME.format(c.acknowledgedAt().atZone(zone)));
    }
    out.println("reports");
    for (StoredReport r : reports) {
      Report report = r.report();
      out.printf(
          "  #%-5d %-16s %-9s %-7s %s  %s%n",
          r.id(),
          TIME.format(report.receivedAt().atZone(zone)),
          report.kind().wire(),
          report.channel().wire(),
          r.intake(),
          safe(report.caseId() == null ? "" : report.caseId()));
    }
    out.println("history");
    for (CaseEvent e : history) {
      String change =
          e.toStatus() == null
              ? e.type().wire()
              : (e.fromStatus() == null ? "" : e.fromStatus().wire() + " → ") + e.toStatus().wire();
      out.printf(
          "  %-16s %-12s %-24s %s%n",
          TIME.format(e.at().atZone(zone)), safe(e.actor()), change, safe(e.note()));
    }
  }

  static String left(Case c, Instant now) {
    Duration left = c.timeLeft(now);
    if (left == null) {
      return "-";
    }
    if (left.isNegative() || left.isZero()) {
      return "OVERDUE";
    }
    return left.toHours() + "h" + String.format("%02dm", left.toMinutesPart());
  }

  private static String first(List<String> values) {
    if (values.isEmpty()) {
      return "-";
    }
    return safe(values.get(0)) + (values.size() > 1 ? " +" + (values.size() - 1) : "");
  }

  private static String zoneName(ZoneId zone) {
    return zone.getId().equals("Z") ? "UTC" : zone.getId();
  }

  /** Drops control characters (terminal escapes) from text that came from a report or a person. */
  static String safe(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
