package dev.abusedesk.desk;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.cases.Change;
import dev.abusedesk.cases.SystemNotes;
import dev.abusedesk.config.Language;
import dev.abusedesk.links.AckLinks;
import dev.abusedesk.notify.Texts;
import dev.abusedesk.pipeline.Pipeline;
import java.time.Clock;
import java.util.Optional;

/**
 * An acknowledgement link from chat: the GET shows the case and asks for a name (link previews and
 * scanners only ever GET); the POST, with the page's CSRF token, acknowledges.
 */
final class AckFlow {

  private final Pipeline pipeline;
  private final Actions actions;
  private final AckLinks links;
  private final Clock clock;

  AckFlow(Pipeline pipeline, Actions actions, AckLinks links, Clock clock) {
    this.pipeline = pipeline;
    this.actions = actions;
    this.links = links;
    this.clock = clock;
  }

  /**
   * Whether the presented link is a valid one: only then does a visitor without a session get one
   * (a flood of forged links writes nothing).
   */
  boolean valid(boolean post, long caseId, Form query, Form form) {
    String exp = post ? form.get("exp", null) : query.get("exp", null);
    String sig = post ? form.get("sig", null) : query.get("sig", null);
    return links.check(caseId, exp, sig) == AckLinks.Verdict.VALID;
  }

  WebResponse handle(boolean post, long caseId, Form query, Form form, Pages.Viewer viewer) {
    Language lang = viewer.language();
    String exp = post ? form.get("exp", null) : query.get("exp", null);
    String sig = post ? form.get("sig", null) : query.get("sig", null);
    AckLinks.Verdict verdict = links.check(caseId, exp, sig);
    Optional<Case> found = pipeline.store().find(caseId);
    if (verdict == AckLinks.Verdict.FORGED || found.isEmpty()) {
      return Pages.message(403, viewer, Words.ACK_INVALID.in(lang));
    }
    if (verdict == AckLinks.Verdict.EXPIRED) {
      return Pages.message(410, viewer, Words.ACK_EXPIRED.in(lang));
    }
    Case c = found.get();
    Texts texts = Texts.of(lang);
    Html body =
        Html.of()
            .t(
                "<h1>{}</h1><p>{} #{} · {} · <span class=\"status {}\" id=\"case-status\">{}</span>"
                    + " · {}: {}</p>",
                Words.ACK_TITLE.in(lang),
                Words.CASE.in(lang),
                c.id(),
                texts.category(c.category()),
                c.status().wire(),
                texts.status(c.status()),
                Words.TIME_LEFT.in(lang),
                CasePages.countdown(c, clock.instant(), lang));
    if (post) {
      String name = Actions.actor(form.get("name", ""));
      if (name.isEmpty()) {
        body.t("<p class=\"error\">{}</p>", Words.ACK_NAME.in(lang));
      } else {
        Change change =
            actions.move(caseId, CaseStatus.ACKNOWLEDGED, name, SystemNotes.ACKNOWLEDGED_BY_LINK);
        String text =
            change instanceof Change.Done ? Words.ACK_DONE.in(lang) : Words.NOT_ALLOWED.in(lang);
        return Pages.message(200, viewer, text);
      }
    }
    body.t("<form method=\"post\" action=\"{}\" class=\"ack\">", AckLinks.path(caseId))
        .add(Pages.csrfField(viewer.csrf()))
        .t(
            "<input type=\"hidden\" name=\"exp\" value=\"{}\"><input type=\"hidden\" name=\"sig\""
                + " value=\"{}\"><label>{} <input name=\"name\" id=\"ack-name\" required"
                + " maxlength=\"100\"></label><button type=\"submit\" id=\"ack\">{}</button></form>",
            exp,
            sig,
            Words.ACK_NAME.in(lang),
            Words.ACK_BUTTON.in(lang));
    return Pages.html(200, Pages.frame(viewer, Words.ACK_TITLE.in(lang), body));
  }
}
