package dev.abusedesk.app.desk;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseEvent;
import dev.abusedesk.cases.Outbox;
import dev.abusedesk.cases.StoredReport;
import dev.abusedesk.config.Language;
import dev.abusedesk.notify.Texts;
import dev.abusedesk.pipeline.Pipeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What happened to a case, in order: reports received, alerts and reminders sent (from the outbox),
 * people's changes and notes, AWS closing it (from the history).
 */
final class Timeline {

  private Timeline() {}

  private record Line(Instant at, String what, String who, String note, boolean isNote) {}

  /** The outbox is read this far back for one page. */
  private static final int OUTBOX_WINDOW = 5000;

  static Html render(Pipeline pipeline, Case c, List<StoredReport> reports, Language lang) {
    Texts texts = Texts.of(lang);
    List<Line> lines = new ArrayList<>();
    for (CaseEvent e : pipeline.store().history(c.id())) {
      String what =
          switch (e.type()) {
            case STATUS -> "→ " + texts.status(e.toStatus());
            case REPORT -> "report received";
            default -> e.type().wire();
          };
      lines.add(new Line(e.at(), what, e.actor(), e.note(), e.type() == CaseEvent.Type.NOTE));
    }
    for (Outbox.Entry entry :
        pipeline
            .outbox()
            .entries(Set.of(Outbox.SENT, Outbox.PENDING, Outbox.FAILED), OUTBOX_WINDOW)) {
      if (entry.caseId() != c.id()) {
        continue;
      }
      String kind = entry.dedupKey().split(":", 2)[0];
      String what =
          switch (kind) {
            case "report" -> "alerted";
            case "status" -> "status told";
            default -> kind.startsWith("esc") ? "escalated" : "reminded";
          };
      lines.add(
          new Line(
              entry.sentAt() != null ? entry.sentAt() : entry.createdAt(),
              what + " → " + entry.receiver() + " (" + entry.status() + ")",
              "abusedesk",
              entry.lastError() == null ? "" : entry.lastError(),
              false));
    }
    lines.sort(Comparator.comparing(Line::at));
    Html out =
        Html.of()
            .t(
                "<section id=\"timeline\"><h2>{}</h2><ol class=\"timeline\">",
                Words.TIMELINE.in(lang));
    for (Line line : lines) {
      out.t(
          "<li><time>{}</time> <b>{}</b> <span class=\"who\">{}</span> <q>{}</q></li>",
          line.at(),
          line.what(),
          line.who(),
          line.note());
    }
    out.t("</ol></section><section id=\"notes\"><h2>{}</h2><ul>", Words.NOTES.in(lang));
    for (Line line : lines) {
      if (line.isNote()) {
        out.t("<li><time>{}</time> <b>{}</b>: {}</li>", line.at(), line.who(), line.note());
      }
    }
    return out.t("</ul></section>");
  }
}
