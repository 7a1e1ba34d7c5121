package dev.abusedesk.desk;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CustomerAnswer;
import dev.abusedesk.cases.CustomerNotice;
import dev.abusedesk.cases.CustomerView;
import dev.abusedesk.config.Account;
import dev.abusedesk.config.Language;
import dev.abusedesk.links.CustomerLinks;
import dev.abusedesk.notify.AlertText;
import dev.abusedesk.notify.Texts;
import dev.abusedesk.route.AccountRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What the customer's response page shows: the case as {@link CustomerView} lets them see it, their
 * deadline, and the form or the answer given. Its own frame: no way into the dashboard, and the
 * language switch keeps the signed link.
 */
final class CustomerForm {

  /**
   * One notice's page.
   *
   * @param linkQuery the signed link's query ({@code l=..&exp=..&sig=..}), checked already
   */
  record Page(
      CustomerNotice notice,
      Case c,
      CustomerView view,
      Language lang,
      String linkQuery,
      Instant now) {

    String action() {
      return CustomerLinks.path(notice.id()) + "?" + linkQuery + "&lang=" + lang.wire();
    }
  }

  private final ZoneId zone;
  private final AccountRegistry registry;

  CustomerForm(ZoneId zone, AccountRegistry registry) {
    this.zone = zone;
    this.registry = registry;
  }

  /** A page that only says why: a refusal, before anything of the case may be shown. */
  WebResponse message(int status, Language lang, CustomerWords words) {
    Html body = Html.of().t("<p class=\"message\" id=\"message\">{}</p>", words.in(lang));
    return Pages.html(status, frame(lang, "", words.in(lang), body));
  }

  /** The case and the form, with what was typed and the problem with it, if any. */
  WebResponse form(int status, Page page, String csrf, Form typed, CustomerWords problem) {
    Language lang = page.lang();
    Html body = facts(page);
    body.t("<section id=\"answer\"><h2>{}</h2>", CustomerWords.YOUR_ANSWER.in(lang));
    if (problem != null) {
      body.t("<p class=\"error\" id=\"problem\">{}</p>", problem.in(lang));
    }
    body.t("<form method=\"post\" action=\"{}\" class=\"respond\">", page.action())
        .add(Pages.csrfField(csrf))
        .t("<fieldset><legend>{}</legend>", CustomerWords.VERDICT.in(lang));
    String chosen = typed.get("verdict", "");
    for (CustomerAnswer.Verdict v : CustomerAnswer.Verdict.values()) {
      body.t(
          "<label><input type=\"radio\" name=\"verdict\" value=\"{}\" id=\"verdict-{}\"{}> {}"
              + "</label>",
          v.wire(),
          v.wire(),
          Html.of().t(v.wire().equals(chosen) ? " checked" : ""),
          CustomerWords.of(v).in(lang));
    }
    body.t("</fieldset>");
    area(body, "because", CustomerWords.BECAUSE.in(lang), typed);
    area(body, "stopped", CustomerWords.STOPPED.in(lang), typed);
    area(body, "changed", CustomerWords.CHANGED.in(lang), typed);
    body.t(
        "<label>{} <input name=\"name\" id=\"name\" maxlength=\"{}\" value=\"{}\"></label>"
            + "<button type=\"submit\" id=\"send\">{}</button></form></section>",
        CustomerWords.NAME.in(lang),
        CustomerAnswer.MAX_NAME,
        typed.get("name", ""),
        CustomerWords.SEND.in(lang));
    return Pages.html(status, frame(lang, page.action(), CustomerWords.TITLE.in(lang), body));
  }

  /** The answer given: a thank-you after sending it, else the first answer, kindly. */
  WebResponse answered(int status, Page page, CustomerAnswer answer, boolean thanks) {
    Language lang = page.lang();
    Html body =
        Html.of()
            .t(
                "<p class=\"message\" id=\"{}\">{}</p>",
                thanks ? "thanks" : "already",
                (thanks ? CustomerWords.THANKS : CustomerWords.ALREADY).in(lang));
    body.add(answer(answer, lang, zone)).add(facts(page));
    return Pages.html(status, frame(lang, page.action(), CustomerWords.TITLE.in(lang), body));
  }

  /** An answer as a list of what was said; the dashboard shows it the same way. */
  static Html answer(CustomerAnswer answer, Language lang, ZoneId zone) {
    Html out =
        Html.of()
            .t(
                "<dl class=\"customer-answer\"><dt>{}</dt><dd class=\"verdict\">{}</dd>",
                CustomerWords.VERDICT.in(lang),
                CustomerWords.of(answer.verdict()).in(lang));
    text(out, CustomerWords.BECAUSE.in(lang), answer.moreTimeBecause());
    text(out, CustomerWords.STOPPED.in(lang), answer.stopped());
    text(out, CustomerWords.CHANGED.in(lang), answer.changed());
    text(out, CustomerWords.ANSWERED_BY.in(lang), answer.name());
    return out.t(
        "<dt>{}</dt><dd>{}</dd></dl>",
        CustomerWords.ANSWERED_AT.in(lang),
        Timeline.time(answer.answeredAt(), zone));
  }

  private Html facts(Page page) {
    Language lang = page.lang();
    Texts texts = Texts.of(lang);
    CustomerView view = page.view();
    CustomerNotice notice = page.notice();
    Html body =
        Html.of()
            .t(
                "<h1>{}</h1><p>{}</p><section id=\"case\"><dl><dt>{}</dt><dd id=\"category\">{}"
                    + "</dd><dt>{}</dt><dd id=\"account\">{} {}</dd>",
                CustomerWords.TITLE.in(lang),
                CustomerWords.INTRO.in(lang),
                CustomerWords.WHAT.in(lang),
                texts.category(view.category()),
                CustomerWords.ACCOUNT.in(lang),
                notice.accountId(),
                registry.find(notice.accountId()).flatMap(Account::name).orElse(""));
    list(body, "resources", CustomerWords.RESOURCES.in(lang), view.resources());
    list(body, "ips", CustomerWords.IPS.in(lang), view.ips());
    Duration left = Duration.between(page.now(), notice.deadline());
    boolean overdue = left.isNegative() || left.isZero();
    body.t(
        "<dt>{}</dt><dd id=\"deadline\">{}</dd><dt>{}</dt><dd><span class=\"countdown{}\""
            + " data-deadline=\"{}\" data-overdue=\"{}\">{}</span></dd></dl>",
        CustomerWords.DEADLINE.in(lang),
        AlertText.time(notice.deadline(), zone),
        CustomerWords.TIME_LEFT.in(lang),
        overdue ? " overdue" : "",
        notice.deadline().toEpochMilli(),
        CustomerWords.OVERDUE.in(lang),
        CasePages.clock(left) + (overdue ? " " + CustomerWords.OVERDUE.in(lang) : ""));
    if (!view.excerpts().isEmpty()) {
      body.t("<h2>{}</h2>", CustomerWords.COMPLAINT.in(lang));
      for (String excerpt : view.excerpts()) {
        body.t("<pre class=\"excerpt\">{}</pre>", excerpt);
      }
    }
    return body.t("</section>");
  }

  private static void list(Html body, String id, String label, List<String> values) {
    if (!values.isEmpty()) {
      body.t("<dt>{}</dt><dd id=\"{}\">{}</dd>", label, id, String.join(", ", values));
    }
  }

  private static void text(Html out, String label, String value) {
    if (!value.isEmpty()) {
      out.t("<dt>{}</dt><dd class=\"said\">{}</dd>", label, value);
    }
  }

  private static void area(Html body, String name, String label, Form typed) {
    body.t(
        "<label>{}<textarea name=\"{}\" id=\"{}\" rows=\"4\" maxlength=\"{}\">{}</textarea>"
            + "</label>",
        label,
        name,
        name,
        CustomerAnswer.MAX_TEXT,
        typed.get(name, ""));
  }

  /** The page frame for customers: the desk's styles and script, the language switch. */
  private static Html frame(Language lang, String action, String title, Html body) {
    Html page =
        Html.of()
            .t(
                "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<meta name=\"robots\" content=\"noindex\"><title>{}</title>"
                    + "<link rel=\"stylesheet\" href=\"{}desk.css?v={}\">"
                    + "<script src=\"{}desk.js?v={}\" defer></script></head><body><header>",
                lang.wire(),
                title,
                Pages.STATIC,
                Pages.STATIC_VERSION,
                Pages.STATIC,
                Pages.STATIC_VERSION);
    if (!action.isEmpty()) {
      String base = action.replaceAll("&lang=[a-z]+$", "");
      page.t(
          "<nav><span class=\"lang\"><a href=\"{}&lang=en\" hreflang=\"en\">EN</a>"
              + " <a href=\"{}&lang=ja\" hreflang=\"ja\">日本語</a></span></nav>",
          base,
          base);
    }
    return page.t("</header><main>").add(body).t("</main></body></html>");
  }
}
