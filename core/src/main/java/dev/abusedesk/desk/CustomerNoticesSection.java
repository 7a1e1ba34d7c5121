package dev.abusedesk.desk;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CustomerNotice;
import dev.abusedesk.cases.CustomerState;
import dev.abusedesk.config.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The case page's part about the customer: who was told, in which language, how each stands, and
 * the buttons to revoke a link or send a new one; and the customers' answers, shown beside the
 * reply drafts they feed.
 */
final class CustomerNoticesSection {

  private CustomerNoticesSection() {}

  /**
   * @param whyNone what the page says when nobody was told: why not, so that a customer left untold
   *     is never a silent surprise
   */
  static Html render(
      Pages.Viewer viewer,
      Case c,
      List<CustomerNotice> notices,
      CustomerWords whyNone,
      Instant now,
      ZoneId zone) {
    Language lang = viewer.language();
    Html out = Html.of().t("<section id=\"customer\"><h2>{}</h2>", CustomerWords.SECTION.in(lang));
    if (notices.isEmpty()) {
      return out.t(
          "<p id=\"no-notices\" class=\"{}\">{}</p></section>",
          whyNone.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
          whyNone.in(lang));
    }
    out.t(
        "<table class=\"notices\" id=\"notices\"><thead><tr><th>{}</th><th>{}</th><th>{}</th>"
            + "<th>{}</th><th>{}</th><th>{}</th><th></th></tr></thead><tbody>",
        CustomerWords.CONTACT.in(lang),
        Words.ACCOUNT.in(lang),
        CustomerWords.LANGUAGE.in(lang),
        CustomerWords.STATE.in(lang),
        CustomerWords.THEIR_DEADLINE.in(lang),
        CustomerWords.ANSWERED_AT.in(lang));
    for (CustomerNotice n : notices) {
      CustomerState state = n.status(now);
      out.t(
          "<tr data-notice=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td><span"
              + " class=\"customer-state {}\">{}</span>{}</td><td>{}</td><td>{}</td><td>",
          n.id(),
          n.contact().email(),
          n.accountId(),
          n.contact().language().wire().toUpperCase(java.util.Locale.ROOT),
          state.wire(),
          CustomerWords.of(state).in(lang),
          n.isRevoked()
              ? Html.of()
                  .t(" <small class=\"revoked\">({})</small>", CustomerWords.REVOKED.in(lang))
              : Html.of(),
          Timeline.time(n.deadline(), zone),
          n.answer().map(a -> Timeline.time(a.answeredAt(), zone)).orElse(Html.of().t("–")));
      if (n.awaitsAnswer()) {
        out.add(button(viewer, c, n, "revoke", CustomerWords.REVOKE));
      }
      if (n.answer().isEmpty()) {
        out.add(button(viewer, c, n, "resend", CustomerWords.RESEND));
      }
      out.t("</td></tr>");
    }
    return out.t("</tbody></table></section>");
  }

  /** The answers given, each with who gave it, for whoever writes the reply to AWS. */
  static Html answers(List<CustomerNotice> notices, Language lang, ZoneId zone) {
    Html out = Html.of();
    List<CustomerNotice> answered = notices.stream().filter(n -> n.answer().isPresent()).toList();
    if (answered.isEmpty()) {
      return out;
    }
    out.t(
        "<div class=\"customer-answers\" id=\"customer-answers\"><h3>{}</h3>",
        CustomerWords.ANSWERS.in(lang));
    for (CustomerNotice n : answered) {
      out.t(
              "<article class=\"customer-answer\" data-notice=\"{}\"><h4>{} · {}</h4>",
              n.id(),
              n.contact().email(),
              n.accountId())
          .add(CustomerForm.answer(n.answer().get(), lang, zone))
          .t("</article>");
    }
    return out.t("</div>");
  }

  private static Html button(
      Pages.Viewer viewer, Case c, CustomerNotice n, String action, CustomerWords label) {
    return Html.of()
        .t(
            "<form method=\"post\" action=\"/dashboard/cases/{}/{}\" class=\"inline\">",
            c.id(),
            action)
        .add(Pages.csrfField(viewer.csrf()))
        .t(
            "<input type=\"hidden\" name=\"notice\" value=\"{}\"><button type=\"submit\""
                + " id=\"{}-{}\">{}</button></form>",
            n.id(),
            action,
            n.id(),
            label.in(viewer.language()));
  }
}
