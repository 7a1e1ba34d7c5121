package dev.abusedesk.desk;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.Outbox;
import dev.abusedesk.cases.StoredReport;
import dev.abusedesk.config.Language;
import dev.abusedesk.notify.Alert;
import dev.abusedesk.notify.AlertText;
import dev.abusedesk.pipeline.Pipeline;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What happened to a case, in order: reports received, people's changes and notes, AWS closing it
 * (from the history, in {@link HistoryWords}), and every message sent about it (from the outbox, by
 * the kind stored with it). Every word is the reader's language; times are the configured zone's.
 */
final class Timeline {

  private Timeline() {}

  /**
   * One line of the timeline.
   *
   * @param what what happened, in the reader's words
   * @param who who did it, empty for the desk's own messages
   * @param note what a person wrote, or the desk's words for its own notes; empty for none
   * @param error why a message was not delivered (yet), as the receiver answered
   */
  record Line(Instant at, String what, String who, String note, String error, boolean isNote) {}

  static Html render(Pipeline pipeline, Case c, List<StoredReport> reports, Language lang) {
    ZoneId zone = pipeline.config().timezone();
    List<Line> lines =
        new ArrayList<>(HistoryWords.lines(pipeline.store().history(c.id()), reports, lang));
    for (Outbox.Entry entry : pipeline.outbox().entriesFor(c.id())) {
      lines.add(message(entry, lang));
    }
    lines.sort(Comparator.comparing(Line::at));
    Html out =
        Html.of()
            .t(
                "<section id=\"timeline\"><h2>{}</h2><ol class=\"timeline\">",
                Words.TIMELINE.in(lang));
    for (Line line : lines) {
      out.t("<li>{} <b class=\"what\">{}</b>", time(line.at(), zone), line.what());
      if (!line.who().isEmpty()) {
        out.t(" <span class=\"who\">{}</span>", line.who());
      }
      if (!line.note().isEmpty()) {
        out.t(" <q>{}</q>", line.note());
      }
      if (!line.error().isEmpty()) {
        out.t(" <code class=\"error\">{}</code>", line.error());
      }
      out.t("</li>");
    }
    out.t("</ol></section><section id=\"notes\"><h2>{}</h2><ul>", Words.NOTES.in(lang));
    for (Line line : lines) {
      if (line.isNote()) {
        out.t("<li>{} <b>{}</b>: {}</li>", time(line.at(), zone), line.who(), line.note());
      }
    }
    return out.t("</ul></section>");
  }

  /** {@code 2025-10-14 12:12 JST}, with the exact instant for machines. */
  static Html time(Instant at, ZoneId zone) {
    return Html.of().t("<time datetime=\"{}\">{}</time>", at, AlertText.time(at, zone));
  }

  /** A message to a receiver: its kind, where it went, and how it stands. */
  static Line message(Outbox.Entry entry, Language lang) {
    String what =
        Words.MESSAGE_TO.in(
            lang, kind(entry.kind()).in(lang), entry.receiver(), status(entry.status()).in(lang));
    if ("digest".equals(entry.sentAs())) {
      what = Words.OUT_DIGEST.in(lang, what);
    }
    boolean delivered = Outbox.SENT.equals(entry.status());
    String error = delivered || entry.lastError() == null ? "" : entry.lastError();
    Instant at = entry.sentAt() != null ? entry.sentAt() : entry.createdAt();
    return new Line(at, what, "", "", error, false);
  }

  /** The words for a message kind; one stored before kinds were is just a message. */
  static Words kind(String kind) {
    Alert.Type type;
    try {
      type = Alert.Type.fromWire(kind);
    } catch (IllegalArgumentException e) {
      return Words.MSG_OTHER;
    }
    return switch (type) {
      case NEW_CASE -> Words.MSG_NEW_CASE;
      case UPDATE -> Words.MSG_UPDATE;
      case CLOSED_BY_AWS -> Words.MSG_CLOSED_BY_AWS;
      case CLOSED_UNVERIFIED -> Words.MSG_CLOSED_UNVERIFIED;
      case STATUS -> Words.MSG_STATUS;
      case REMINDER -> Words.MSG_REMINDER;
      case ESCALATION -> Words.MSG_ESCALATION;
      case TEST -> Words.MSG_TEST;
      case CUSTOMER_ANSWERED -> Words.MSG_CUSTOMER_ANSWERED;
      case CUSTOMER_LATE -> Words.MSG_CUSTOMER_LATE;
    };
  }

  private static Words status(String status) {
    return switch (status) {
      case Outbox.SENT -> Words.OUT_SENT;
      case Outbox.FAILED -> Words.OUT_FAILED;
      default -> Words.OUT_PENDING;
    };
  }
}
