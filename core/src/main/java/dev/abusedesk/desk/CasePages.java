package dev.abusedesk.desk;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseQuery;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.cases.Change;
import dev.abusedesk.cases.CustomerNotice;
import dev.abusedesk.cases.CustomerNotices;
import dev.abusedesk.cases.CustomerState;
import dev.abusedesk.cases.SystemNotes;
import dev.abusedesk.config.Account;
import dev.abusedesk.config.Language;
import dev.abusedesk.notify.Texts;
import dev.abusedesk.pipeline.Pipeline;
import dev.abusedesk.report.Category;
import dev.abusedesk.route.AccountRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The case list, the case page and the actions on a case. */
final class CasePages {

  private final Pipeline pipeline;
  private final Actions actions;
  private final Clock clock;
  private final AccountRegistry registry;
  private final CaseDetail detail;
  private final Optional<ReplyMail> replies;
  private final CustomerNotices customers;

  CasePages(
      Pipeline pipeline,
      Actions actions,
      CustomerNotices customers,
      Clock clock,
      Optional<ReplyMail> replies) {
    this.pipeline = pipeline;
    this.actions = actions;
    this.customers = customers;
    this.clock = clock;
    this.registry = new AccountRegistry(pipeline.config().accounts());
    this.replies = replies;
    this.detail = new CaseDetail(pipeline, registry, customers, replies.map(ReplyMail::reply));
  }

  WebResponse list(Pages.Viewer viewer, Form query) {
    Language lang = viewer.language();
    Texts texts = Texts.of(lang);
    Instant now = clock.instant();
    String status = query.get("status", "");
    String category = query.get("category", "");
    String customer = query.get("customer", "");
    String told = query.get("customer_state", "");
    List<Case> all = pipeline.store().list(CaseQuery.all());
    Map<Long, CustomerState> states = customers.states(all.stream().map(Case::id).toList(), now);
    List<Case> shown =
        all.stream()
            .filter(c -> status.isEmpty() || c.status().wire().equals(status))
            .filter(c -> category.isEmpty() || c.category().wire().equals(category))
            .filter(c -> customer.isEmpty() || customers(c).contains(customer))
            .filter(c -> told.isEmpty() || states.get(c.id()).wire().equals(told))
            .toList();
    Html body = Html.of().t("<h1>{}</h1>", Words.CASES.in(lang));
    body.t("<form method=\"get\" action=\"/dashboard\" class=\"filters\">");
    Html statuses = Html.of();
    for (CaseStatus s : CaseStatus.values()) {
      statuses.add(option(s.wire(), texts.status(s), status));
    }
    Html categories = Html.of();
    for (Category c : Category.values()) {
      categories.add(option(c.wire(), texts.category(c), category));
    }
    TreeSet<String> known = new TreeSet<>();
    registry.all().forEach(a -> a.customer().ifPresent(known::add));
    Html customerOptions = Html.of();
    known.forEach(c -> customerOptions.add(option(c, c, customer)));
    Html stateOptions = Html.of();
    for (CustomerState s : CustomerState.values()) {
      stateOptions.add(option(s.wire(), CustomerWords.of(s).in(lang), told));
    }
    body.add(select("status", Words.STATUS.in(lang), Words.ALL.in(lang), statuses))
        .add(select("category", Words.CATEGORY.in(lang), Words.ALL.in(lang), categories))
        .add(select("customer", Words.CUSTOMER.in(lang), Words.ALL.in(lang), customerOptions))
        .add(
            select(
                "customer_state", Words.CUSTOMER_STATE.in(lang), Words.ALL.in(lang), stateOptions))
        .t("<button type=\"submit\">{}</button></form>", Words.FILTER.in(lang));
    if (shown.isEmpty()) {
      body.t("<p>{}</p>", Words.NO_CASES.in(lang));
    } else {
      body.t(
          "<table class=\"cases\" id=\"cases\"><thead><tr><th>#</th><th>{}</th><th>{}</th>"
              + "<th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
          Words.STATUS.in(lang),
          Words.CATEGORY.in(lang),
          Words.CUSTOMER.in(lang),
          Words.CUSTOMER_STATE.in(lang),
          Words.ACCOUNT.in(lang),
          Words.TIME_LEFT.in(lang),
          Words.OWNER.in(lang));
      for (Case c : shown) {
        body.t(
            "<tr data-case=\"{}\"><td><a href=\"/dashboard/cases/{}\">#{}</a></td>"
                + "<td><span class=\"status {}\">{}</span></td><td>{}</td><td>{}</td>"
                + "<td><span class=\"customer-state {}\">{}</span></td><td>{}</td><td>{}</td>"
                + "<td>{}</td></tr>",
            c.id(),
            c.id(),
            c.id(),
            c.status().wire(),
            texts.status(c.status()),
            texts.category(c.category()),
            String.join(", ", customers(c)),
            states.get(c.id()).wire(),
            CustomerWords.of(states.get(c.id())).in(lang),
            accounts(c, lang),
            countdown(c, now, lang),
            c.acknowledgedBy() == null ? "" : c.acknowledgedBy());
      }
      body.t("</tbody></table>");
    }
    return Pages.html(200, Pages.frame(viewer, Words.CASES.in(lang), body));
  }

  WebResponse detail(Pages.Viewer viewer, long id, Form query) {
    Optional<Case> found = pipeline.store().find(id);
    if (found.isEmpty()) {
      return Pages.message(404, viewer, "not found");
    }
    Html body = detail.render(viewer, found.get(), clock.instant(), query.get("problem", ""));
    return Pages.html(200, Pages.frame(viewer, "#" + id, body));
  }

  WebResponse act(long id, String action, Form form, String user) {
    String note = form.get("note", "").strip();
    String problem = "";
    switch (action) {
      case "move" -> {
        Optional<CaseStatus> to = form.get("to").flatMap(CasePages::status);
        Change change =
            to.isEmpty() ? new Change.NoSuchCase(id) : actions.move(id, to.get(), user, note);
        problem = change instanceof Change.Done ? "" : "not-allowed";
      }
      case "note" -> {
        if (!note.isEmpty()) {
          actions.note(id, user, note);
        }
      }
      case "send" -> problem = send(id, form, user);
      case "confirm" -> problem = confirmClosed(id, user);
      case "revoke" -> problem = notice(id, form, n -> revoke(n, user));
      case "resend" -> problem = notice(id, form, n -> resend(n, user));
      default -> {
        return Pages.send(404, "text/plain; charset=utf-8", "not found");
      }
    }
    return Pages.redirect(
        "/dashboard/cases/" + id + (problem.isEmpty() ? "" : "?problem=" + problem));
  }

  private String send(long id, Form form, String user) {
    if (replies.isEmpty()) {
      return "no-smtp";
    }
    if (pipeline.store().find(id).isEmpty()) {
      return "not-found";
    }
    // Chosen again here, from the store: the form names no recipient, whatever it sends.
    AwsRecipient recipient =
        CaseDetail.recipient(pipeline.store().reports(id), replies.get().reply());
    if (!(recipient instanceof AwsRecipient.Found to)) {
      return "no-recipient";
    }
    ReplyMail.Sent sent = replies.get().send(to, form.get("subject", ""), form.get("body", ""));
    if (sent instanceof ReplyMail.Sent.Failed) {
      return "send-failed";
    }
    actions.move(id, CaseStatus.REPLIED, user, SystemNotes.REPLY_SENT);
    return "";
  }

  /** Acts on one of the case's customer notices, the one the form names; none of another case. */
  private String notice(long caseId, Form form, java.util.function.LongFunction<String> act) {
    Optional<CustomerNotice> notice =
        form.get("notice")
            .filter(n -> n.matches("\\d{1,15}"))
            .flatMap(n -> customers.find(Long.parseLong(n)))
            .filter(n -> n.caseId() == caseId);
    return notice.isEmpty() ? "no-notice" : act.apply(notice.get().id());
  }

  private String revoke(long noticeId, String user) {
    customers.revoke(noticeId, user, clock.instant());
    return "";
  }

  private String resend(long noticeId, String user) {
    if (pipeline.resendCustomerNotice(noticeId, user).isEmpty()) {
      return "no-resend";
    }
    actions.queued();
    return "";
  }

  /** A person confirms the closing mail the page offers; nothing when it offers none. */
  private String confirmClosed(long id, String user) {
    return actions.confirmOfferedClose(id, user) instanceof Change.Done ? "" : "not-allowed";
  }

  private static Optional<CaseStatus> status(String wire) {
    try {
      return Optional.of(CaseStatus.fromWire(wire));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  List<String> customers(Case c) {
    return c.accounts().stream()
        .map(registry::find)
        .flatMap(Optional::stream)
        .map(Account::customer)
        .flatMap(Optional::stream)
        .distinct()
        .toList();
  }

  private Html accounts(Case c, Language lang) {
    Html out = Html.of();
    for (String id : c.accounts()) {
      Optional<String> name = registry.find(id).flatMap(Account::name);
      out.t("<div>{} <small>{}</small></div>", id, name.orElse(Words.UNREGISTERED.in(lang)));
    }
    return out;
  }

  /** The time left, rendered now and kept ticking by desk.js from {@code data-deadline}. */
  static Html countdown(Case c, Instant now, Language lang) {
    java.time.Duration left = c.timeLeft(now);
    if (left == null) {
      return Html.of().t("<span class=\"countdown none\">–</span>");
    }
    boolean overdue = left.isNegative() || left.isZero();
    return Html.of()
        .t(
            "<span class=\"countdown{}\" data-deadline=\"{}\" data-overdue=\"{}\">{}</span>",
            overdue ? " overdue" : "",
            c.deadline().toEpochMilli(),
            Words.OVERDUE.in(lang),
            clock(left) + (overdue ? " " + Words.OVERDUE.in(lang) : ""));
  }

  /** {@code HH:MM:SS}, the same as desk.js writes. */
  static String clock(java.time.Duration left) {
    long s = Math.abs(left.toSeconds());
    return String.format(
        java.util.Locale.ROOT,
        "%s%02d:%02d:%02d",
        left.isNegative() ? "-" : "",
        s / 3600,
        (s / 60) % 60,
        s % 60);
  }

  private static Html option(String value, String label, String selected) {
    return Html.of()
        .t(
            "<option value=\"{}\"{}>{}</option>",
            value,
            Html.of().t(value.equals(selected) ? " selected" : ""),
            label);
  }

  private static Html select(String name, String label, String all, Html options) {
    return Html.of()
        .t(
            "<label>{} <select name=\"{}\" id=\"filter-{}\"><option value=\"\">{}</option>{}"
                + "</select></label>",
            label,
            name,
            name,
            all,
            options);
  }
}
