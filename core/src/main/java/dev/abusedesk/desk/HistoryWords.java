package dev.abusedesk.desk;

import dev.abusedesk.cases.CaseEvent;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.cases.CustomerAnswer;
import dev.abusedesk.cases.StoredReport;
import dev.abusedesk.cases.SystemNotes;
import dev.abusedesk.config.Language;
import dev.abusedesk.notify.Texts;
import dev.abusedesk.report.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A case's history in the reader's words. What AWS's reports did is told from the event itself (its
 * type, statuses and report), not from the English note stored with it; the notes the desk writes
 * for people's actions ({@link SystemNotes}) are shown in the reader's language; what people wrote
 * is shown as they wrote it.
 */
final class HistoryWords {

  private HistoryWords() {}

  static List<Timeline.Line> lines(
      List<CaseEvent> history, List<StoredReport> reports, Language lang) {
    Texts texts = Texts.of(lang);
    Map<Long, Report> byId = new HashMap<>();
    reports.forEach(r -> byId.put(r.id(), r.report()));
    Set<Long> seen = new HashSet<>();
    List<Timeline.Line> lines = new ArrayList<>(history.size());
    for (CaseEvent e : history) {
      boolean aws = SystemNotes.AWS.equals(e.actor());
      String what =
          switch (e.type()) {
            case OPENED -> Words.EV_OPENED.in(lang);
            case REPORT -> report(e, byId, seen, texts, lang);
            case STATUS -> status(e, texts, lang);
            case NOTE -> Words.EV_NOTE.in(lang);
            case CUSTOMER_NOTIFIED -> Words.EV_CUSTOMER_NOTIFIED.in(lang, e.note());
            case CUSTOMER_ANSWERED -> Words.EV_CUSTOMER_ANSWERED.in(lang, verdict(e.note(), lang));
            case CUSTOMER_LINK_REISSUED -> Words.EV_CUSTOMER_LINK_REISSUED.in(lang, e.note());
            case CUSTOMER_LINK_REVOKED -> Words.EV_CUSTOMER_LINK_REVOKED.in(lang, e.note());
            case CUSTOMER_LATE -> Words.EV_CUSTOMER_LATE.in(lang, e.note());
          };
      // A customer event's note is the contact (or the verdict), told in the line itself.
      String note = customer(e.type()) ? "" : aws ? awsNote(e, lang) : note(e.note(), lang);
      lines.add(
          new Timeline.Line(
              e.at(), what, who(e.actor(), lang), note, "", e.type() == CaseEvent.Type.NOTE));
    }
    return lines;
  }

  private static boolean customer(CaseEvent.Type type) {
    return switch (type) {
      case CUSTOMER_NOTIFIED,
          CUSTOMER_ANSWERED,
          CUSTOMER_LINK_REISSUED,
          CUSTOMER_LINK_REVOKED,
          CUSTOMER_LATE ->
          true;
      default -> false;
    };
  }

  /** The customer's verdict as stored with their answer, in the reader's words. */
  private static String verdict(String wire, Language lang) {
    try {
      return CustomerWords.said(CustomerAnswer.Verdict.fromWire(wire)).in(lang);
    } catch (IllegalArgumentException e) {
      return wire;
    }
  }

  private static String report(
      CaseEvent e, Map<Long, Report> byId, Set<Long> seen, Texts texts, Language lang) {
    Long id = e.reportId();
    if (id != null && !seen.add(id)) {
      return Words.EV_PAGES.in(lang); // The same report again: a later page merged into it.
    }
    Report report = id == null ? null : byId.get(id);
    if (report == null) {
      return Words.EV_REPORT.in(lang);
    }
    return Words.EV_REPORT.in(lang)
        + " · "
        + texts.kindName(report.kind())
        + " · "
        + texts.channel(report.channel());
  }

  private static String status(CaseEvent e, Texts texts, Language lang) {
    String to = e.toStatus() == null ? "?" : texts.status(e.toStatus());
    String from = e.fromStatus() == null ? "" : texts.status(e.fromStatus()) + " ";
    return Words.EV_STATUS.in(lang, from, to);
  }

  /** What a report did, in the desk's words: the stored note is the English of the same. */
  private static String awsNote(CaseEvent e, Language lang) {
    if (e.type() == CaseEvent.Type.STATUS
        && e.toStatus() != null
        && e.toStatus().awaitsReply()
        && e.fromStatus() != null
        && !e.fromStatus().awaitsReply()) {
      return Words.NOTE_REOPENED.in(lang);
    }
    if (e.type() == CaseEvent.Type.NOTE && e.note().startsWith(SystemNotes.UNVERIFIED_CLOSE)) {
      return Words.NOTE_UNVERIFIED_CLOSE.in(lang);
    }
    if (e.type() == CaseEvent.Type.NOTE) {
      return e.note();
    }
    // Reports received and AWS closing the case: the line itself says it all.
    return e.toStatus() == CaseStatus.CLOSED_BY_AWS || e.type() == CaseEvent.Type.REPORT
        ? ""
        : note(e.note(), lang);
  }

  /** A person's note; the desk's own notes for their actions in the reader's language. */
  static String note(String note, Language lang) {
    if (note.startsWith(SystemNotes.REPLIED_BY_MAIL)) {
      return Words.NOTE_REPLIED_BY_MAIL.in(
          lang, note.substring(SystemNotes.REPLIED_BY_MAIL.length()));
    }
    return switch (note) {
      case SystemNotes.CONFIRMED_CLOSE -> Words.NOTE_CONFIRMED_CLOSE.in(lang);
      case SystemNotes.REPLY_SENT -> Words.NOTE_REPLY_SENT.in(lang);
      case SystemNotes.ACKNOWLEDGED_BY_LINK -> Words.NOTE_ACK_BY_LINK.in(lang);
      case SystemNotes.ACKNOWLEDGED_IN_SLACK -> Words.NOTE_ACK_IN_SLACK.in(lang);
      default -> note;
    };
  }

  private static String who(String actor, Language lang) {
    return switch (actor) {
      case SystemNotes.AWS -> Words.WHO_AWS.in(lang);
      case "abusedesk" -> Words.WHO_DESK.in(lang);
      default -> actor;
    };
  }
}
