package dev.abusedesk.desk;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CustomerAnswer;
import dev.abusedesk.cases.CustomerNotice;
import dev.abusedesk.cases.CustomerNotices;
import dev.abusedesk.cases.CustomerView;
import dev.abusedesk.cases.DeskSession;
import dev.abusedesk.cases.DeskSessions;
import dev.abusedesk.cases.StoredReport;
import dev.abusedesk.config.Language;
import dev.abusedesk.links.AckLinks;
import dev.abusedesk.links.CustomerLinks;
import dev.abusedesk.pipeline.Pipeline;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer's response page, {@code /respond/NOTICE?l=..&exp=..&sig=..}, without a login: only a
 * signed, unexpired link carrying the notice's current link ID opens it. Forged links and unknown
 * notices get the same refusal, so the page tells a stranger nothing. The form posts back to the
 * same link with the CSRF token of an anonymous session (its cookie only for {@code /respond}); the
 * first answer wins.
 */
final class CustomerPage {

  static final String COOKIE = "abusedesk_respond";

  private static final Pattern PATH = Pattern.compile("/respond/(\\d{1,15})");

  private final Pipeline pipeline;
  private final CustomerNotices notices;
  private final CustomerLinks links;
  private final DeskSessions sessions;
  private final Duration lifetime;
  private final boolean secureCookie;
  private final Clock clock;
  private final LongConsumer answered;
  private final AnswerLimiter limiter;
  private final CustomerForm form;

  /**
   * @param answered tells the team a notice was answered (the pipeline's chat message), and wakes
   *     delivery
   */
  CustomerPage(
      Pipeline pipeline,
      CustomerNotices notices,
      CustomerLinks links,
      DeskSessions sessions,
      Duration lifetime,
      boolean secureCookie,
      Clock clock,
      LongConsumer answered) {
    this.pipeline = pipeline;
    this.notices = notices;
    this.links = links;
    this.sessions = sessions;
    this.lifetime = lifetime;
    this.secureCookie = secureCookie;
    this.clock = clock;
    this.answered = answered;
    this.limiter = new AnswerLimiter(clock);
    this.form =
        new CustomerForm(
            pipeline.config().timezone(),
            new dev.abusedesk.route.AccountRegistry(pipeline.config().accounts()));
  }

  /**
   * A link that opens nothing. Posts with such links count against their source address, so that
   * guessing is slow; posts with a valid link count only against their notice, so that nobody else
   * can use up a customer's tries (behind a proxy every visitor has the proxy's address).
   */
  private WebResponse refused(WebRequest request, Language lang, int status, CustomerWords why) {
    if (request.isPost()) {
      Optional<Duration> wait = limiter.source(Desk.source(request.remote()));
      if (wait.isPresent()) {
        return tooMany(lang, wait.get());
      }
    }
    return form.message(status, lang, why);
  }

  WebResponse handle(WebRequest request) {
    Form query = Form.parse(request.rawQuery());
    Language asked = language(query).orElse(pipeline.config().language());
    Matcher path = PATH.matcher(request.path());
    if (!path.matches()) {
      return Pages.send(404, "text/plain; charset=utf-8", "not found");
    }
    boolean post = request.isPost();
    if (!post && !"GET".equals(request.method())) {
      return Pages.send(405, "text/plain; charset=utf-8", "method not allowed");
    }
    long id = Long.parseLong(path.group(1));
    String linkId = query.get("l", null);
    AckLinks.Verdict verdict =
        links.check(id, linkId, query.get("exp", null), query.get("sig", null));
    Optional<CustomerNotice> found =
        verdict == AckLinks.Verdict.FORGED ? Optional.empty() : notices.find(id);
    if (found.isEmpty()) {
      return refused(request, asked, 403, CustomerWords.INVALID);
    }
    if (verdict == AckLinks.Verdict.EXPIRED) {
      return refused(request, asked, 410, CustomerWords.EXPIRED);
    }
    CustomerNotice notice = found.get();
    Optional<Case> c = pipeline.store().find(notice.caseId());
    if (!notice.linkMatches(linkId) || notice.isRevoked() || c.isEmpty()) {
      return refused(request, asked, 403, CustomerWords.INVALID);
    }
    Language lang = language(query).orElse(notice.contact().language());
    CustomerForm.Page page =
        new CustomerForm.Page(
            notice,
            c.get(),
            view(notice, c.get()),
            lang,
            // Checked above: a link ID, digits and our own signature, nothing else.
            "l=" + linkId + "&exp=" + query.get("exp", "") + "&sig=" + query.get("sig", ""),
            clock.instant());
    if (notice.answer().isPresent()) {
      return form.answered(post ? 409 : 200, page, notice.answer().get(), false);
    }
    Optional<DeskSession> session = sessions.find(cookie(request));
    if (!post) {
      return opened(session, lang, s -> form.form(200, page, s.csrf(), Form.EMPTY, null));
    }
    Optional<Duration> wait = limiter.notice(id);
    if (wait.isPresent()) {
      return tooMany(lang, wait.get());
    }
    Form sent = body(request);
    if (session.isEmpty() || !session.get().csrfMatches(sent.get("csrf", null))) {
      // Nothing is recorded; the page comes back with what they typed and a fresh token.
      return opened(
          Optional.empty(), lang, s -> form.form(403, page, s.csrf(), sent, CustomerWords.STALE));
    }
    Answer read = read(sent);
    if (read.problem() != null) {
      return form.form(400, page, session.get().csrf(), sent, read.problem());
    }
    if (!notices.answer(id, linkId, read.answer())) {
      CustomerNotice now = notices.find(id).orElse(notice);
      if (now.answer().isEmpty()) {
        return form.message(403, lang, CustomerWords.INVALID); // Revoked meanwhile.
      }
      return form.answered(409, page, now.answer().get(), false);
    }
    answered.accept(id);
    return form.answered(200, page, read.answer(), true);
  }

  /** The form's answer, or the words for why it cannot be one. */
  private record Answer(CustomerAnswer answer, CustomerWords problem) {}

  private Answer read(Form sent) {
    CustomerAnswer.Verdict verdict;
    try {
      verdict = CustomerAnswer.Verdict.fromWire(sent.get("verdict", ""));
    } catch (IllegalArgumentException e) {
      return new Answer(null, CustomerWords.PICK_VERDICT);
    }
    try {
      return new Answer(
          new CustomerAnswer(
              verdict,
              sent.get("stopped", ""),
              sent.get("changed", ""),
              verdict == CustomerAnswer.Verdict.NEED_TIME ? sent.get("because", "") : "",
              sent.get("name", ""),
              clock.instant()),
          null);
    } catch (IllegalArgumentException e) {
      String why = String.valueOf(e.getMessage());
      CustomerWords problem =
          why.startsWith("moreTimeBecause: required")
              ? CustomerWords.NEED_REASON
              : why.endsWith("control characters") ? CustomerWords.CONTROL : CustomerWords.TOO_LONG;
      return new Answer(null, problem);
    }
  }

  private CustomerView view(CustomerNotice notice, Case c) {
    return CustomerView.of(
        c.category(),
        notice.accountId(),
        pipeline.store().reports(c.id()).stream().map(StoredReport::report).toList());
  }

  /** A page for a session: the visitor's, else a new one whose cookie the answer sets. */
  private WebResponse opened(
      Optional<DeskSession> session,
      Language lang,
      java.util.function.Function<DeskSession, WebResponse> page) {
    if (session.isPresent()) {
      return page.apply(session.get());
    }
    DeskSession opened = sessions.open(Optional.empty(), lang, lifetime);
    return page.apply(opened)
        .with(
            "Set-Cookie",
            COOKIE
                + "="
                + opened.id()
                + "; Max-Age="
                + lifetime.toSeconds()
                + "; Path=/respond; HttpOnly; SameSite=Strict"
                + (secureCookie ? "; Secure" : ""));
  }

  private WebResponse tooMany(Language lang, Duration wait) {
    return form.message(429, lang, CustomerWords.TOO_MANY)
        .with("Retry-After", AnswerLimiter.retryAfter(wait));
  }

  private static Optional<Language> language(Form query) {
    return query
        .get("lang")
        .filter(l -> l.equals("en") || l.equals("ja"))
        .map(l -> l.equals("ja") ? Language.JA : Language.EN);
  }

  private static String cookie(WebRequest request) {
    for (String header : request.all("Cookie")) {
      for (String part : header.split(";")) {
        String p = part.strip();
        if (p.startsWith(COOKIE + "=")) {
          return p.substring(COOKIE.length() + 1);
        }
      }
    }
    return null;
  }

  private static Form body(WebRequest request) {
    byte[] bytes = request.body();
    if (bytes.length > Desk.MAX_FORM_BYTES) {
      return Form.EMPTY;
    }
    return Form.parse(new String(bytes, StandardCharsets.UTF_8));
  }
}
