package dev.abusedesk.desk;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.StoredReport;
import dev.abusedesk.config.Language;
import dev.abusedesk.report.Kind;
import dev.abusedesk.report.Provenance;
import dev.abusedesk.report.Report;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the case page says about whether its reports are what AWS said: a label on each report with
 * its evidence, a loud banner when one is forged, and the confirm banner for a closing mail the
 * desk could not verify. The evidence is report-derived text: escaped like every other.
 */
final class TrustMarks {

  private TrustMarks() {}

  /** The banners at the top of a case page. */
  static Html banners(Pages.Viewer viewer, Case c, List<StoredReport> reports) {
    Language lang = viewer.language();
    Html out = Html.of();
    if (reports.stream().anyMatch(s -> s.report().provenance().forged())) {
      out.t("<p class=\"alarm\" id=\"forged\" role=\"alert\">{}</p>", Words.FORGED_BANNER.in(lang));
    }
    unconfirmedClose(c, reports)
        .ifPresent(
            closing ->
                out.t("<form class=\"confirm-close\" id=\"unverified-close\" method=\"post\"")
                    .t(" action=\"/dashboard/cases/{}/confirm\">", c.id())
                    .add(Pages.csrfField(viewer.csrf()))
                    .t(
                        "<p><b>{}</b> {}</p><p class=\"basis\">{}</p>"
                            + "<button type=\"submit\" id=\"confirm-closed\">{}</button></form>",
                        Words.UNVERIFIED_CLOSE.in(lang),
                        Words.UNVERIFIED_CLOSE_HOW.in(lang),
                        closing.provenance().basis(),
                        Words.CONFIRM_CLOSED.in(lang)));
    return out;
  }

  /** A report's label: verified, not verified or FORGED, and the evidence as text. */
  static Html label(Provenance provenance, Language lang) {
    Words word =
        switch (provenance.trust()) {
          case VERIFIED -> Words.TRUST_VERIFIED;
          case UNVERIFIED -> Words.TRUST_UNVERIFIED;
          case FORGED -> Words.TRUST_FORGED;
        };
    return Html.of()
        .t(
            "<dt>{}</dt><dd><span class=\"trust {}\">{}</span> <span class=\"basis\">{}</span></dd>",
            Words.PROVENANCE.in(lang),
            provenance.trust().wire(),
            word.in(lang),
            provenance.basis());
  }

  /**
   * The closing mail a person may confirm: one the desk could not verify (a forged one is never
   * offered), newer than AWS's latest request for a reply, on a case that still awaits one.
   */
  static Optional<Report> unconfirmedClose(Case c, List<StoredReport> reports) {
    if (!c.status().awaitsReply()) {
      return Optional.empty();
    }
    Instant lastRequest = null;
    Report closing = null;
    for (StoredReport stored : reports) {
      Report r = stored.report();
      Instant at = at(r);
      if (r.kind().asksForReply() && (lastRequest == null || at.isAfter(lastRequest))) {
        lastRequest = at;
      }
      if (r.kind() == Kind.CLOSED
          && r.provenance().trust() == Provenance.Trust.UNVERIFIED
          && (closing == null || !at.isBefore(at(closing)))) {
        closing = r;
      }
    }
    if (closing == null || (lastRequest != null && at(closing).isBefore(lastRequest))) {
      return Optional.empty();
    }
    return Optional.of(closing);
  }

  // When AWS said it, as the store counts it: a Health event by its last update.
  private static Instant at(Report r) {
    if (r.origin() instanceof Report.HealthOrigin h
        && h.lastUpdatedAt() != null
        && h.lastUpdatedAt().isAfter(r.receivedAt())) {
      return h.lastUpdatedAt();
    }
    return r.receivedAt();
  }
}
