package dev.abusedesk.desk;

import dev.abusedesk.cases.CustomerNotices;
import dev.abusedesk.cases.DeskSession;
import dev.abusedesk.cases.DeskSessions;
import dev.abusedesk.config.Config;
import dev.abusedesk.config.Language;
import dev.abusedesk.config.PasswordHash;
import dev.abusedesk.links.AckLinks;
import dev.abusedesk.pipeline.Pipeline;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The response desk under {@code /dashboard}: login, sessions and CSRF checks here; the pages and
 * actions in {@link CasePages}, {@link AckFlow} and {@link ChartsPage}. Customers' response pages,
 * under {@code /respond} without a login, are {@link #respond}'s.
 */
public final class Desk {

  static final String COOKIE = "abusedesk_session";

  /** The largest form post read; the HTTP listener refuses larger bodies before reading them. */
  public static final int MAX_FORM_BYTES = 256 * 1024;

  private static final Pattern CASE = Pattern.compile("/dashboard/cases/(\\d{1,15})(/[a-z]+)?");
  private static final Pattern ACK = Pattern.compile("/dashboard/ack/(\\d{1,15})");

  private final Config config;
  private final Access access;
  private final DeskSessions sessions;
  private final Duration lifetime;
  private final LoginLimiter limiter;
  private final Logins logins;
  private final boolean secureCookie;
  private final CasePages cases;
  private final AckFlow ack;
  private final ChartsPage charts;
  private final CustomerPage customerPage;

  /** Where the desk is served: which access modes apply and whether cookies are https-only. */
  public enum Place {
    /** The daemon's listener on a loopback address: local mode without users. */
    LOOPBACK,
    /** The daemon's listener on any other address: https cookies when public_url says https. */
    NETWORK,
    /** A Lambda function URL: always https, never local. */
    FUNCTION_URL
  }

  /**
   * @param sessions the sessions in the store, shared by every instance on it
   * @param customers the customers' notices and answers, in the store
   * @param queued wakes delivery after something was queued
   */
  public Desk(
      Pipeline pipeline,
      AckLinks ackLinks,
      DeskSessions sessions,
      CustomerNotices customers,
      Place place,
      Clock clock,
      Runnable queued,
      Optional<ReplyMail> replies) {
    this(
        pipeline,
        ackLinks,
        sessions,
        customers,
        place,
        clock,
        queued,
        replies,
        PasswordHash::verify);
  }

  /**
   * @param hashes checks a password against its hash: {@link PasswordHash#verify}, or a test's
   *     wrapper that counts the checks
   */
  Desk(
      Pipeline pipeline,
      AckLinks ackLinks,
      DeskSessions sessions,
      CustomerNotices customers,
      Place place,
      Clock clock,
      Runnable queued,
      Optional<ReplyMail> replies,
      Logins.Hashes hashes) {
    this.config = pipeline.config();
    this.access = Access.of(config.dashboard(), place == Place.LOOPBACK);
    this.sessions = sessions;
    this.lifetime = Duration.ofHours(config.dashboard().sessionHours());
    this.limiter = new LoginLimiter(clock);
    this.logins = new Logins(config.dashboard(), hashes);
    this.secureCookie =
        place == Place.FUNCTION_URL
            || config.publicUrl().map(u -> "https".equalsIgnoreCase(u.getScheme())).orElse(false);
    Actions actions = new Actions(pipeline, clock, queued);
    this.cases = new CasePages(pipeline, actions, customers, clock, replies);
    this.ack = new AckFlow(pipeline, actions, ackLinks, clock);
    this.charts = new ChartsPage(pipeline, customers, clock);
    this.customerPage =
        new CustomerPage(
            pipeline,
            customers,
            ackLinks.customerLinks(config.customers().linkLifetime()),
            sessions,
            lifetime,
            secureCookie,
            clock,
            noticeId -> {
              if (pipeline.customerAnswered(noticeId) > 0) {
                queued.run();
              }
            });
  }

  /**
   * Answers one request under {@code /respond}: a customer's response page, reached by its signed
   * link alone, whatever the dashboard's access mode.
   */
  public WebResponse respond(WebRequest request) {
    return customerPage.handle(request);
  }

  /** Answers one request under {@code /dashboard}. */
  public WebResponse handle(WebRequest request) {
    String path = request.path();
    if (path.startsWith(Pages.STATIC) && "GET".equals(request.method())) {
      return Static.serve(path.substring(Pages.STATIC.length()));
    }
    Form query = Form.parse(request.rawQuery());
    Optional<DeskSession> session = sessions.find(cookie(request)).filter(this::stillAllowed);
    Language language =
        query
            .get("lang")
            .filter(l -> l.equals("en") || l.equals("ja"))
            .map(l -> Language.valueOf(l.toUpperCase(java.util.Locale.ROOT)))
            .orElse(session.map(DeskSession::language).orElse(config.language()));
    if (session.isPresent() && session.get().language() != language) {
      session = Optional.of(session.get().speaking(language));
      sessions.update(session.get());
    }
    if (access == Access.CLOSED) {
      return Pages.message(403, viewer(language, Optional.empty()), Words.CLOSED.in(language));
    }
    if (access == Access.LOCAL && !Access.isLocalRequest(request)) {
      // Neither a web page elsewhere (DNS rebinding) nor a proxy's visitors reach the local desk.
      return Pages.send(
          403,
          "text/plain; charset=utf-8",
          "local mode answers only requests from this machine to localhost or a loopback address,"
              + " not through a proxy; configure dashboard.users for anything else");
    }
    boolean post = request.isPost();
    if (!post && !"GET".equals(request.method())) {
      return Pages.send(405, "text/plain; charset=utf-8", "method not allowed");
    }
    Form form = post ? form(request) : new Form(java.util.Map.of());
    if (post && (session.isEmpty() || !session.get().csrfMatches(form.get("csrf", null)))) {
      return Pages.send(403, "text/plain; charset=utf-8", "missing or stale CSRF token");
    }
    List<String> cookies = new ArrayList<>();
    Matcher ackPath = ACK.matcher(path);
    if (ackPath.matches()) {
      long caseId = Long.parseLong(ackPath.group(1));
      if (session.isEmpty() && !ack.valid(post, caseId, query, form)) {
        // Refused without a session: a flood of forged or expired links writes nothing.
        return ack.handle(post, caseId, query, form, viewer(language, Optional.empty()));
      }
      DeskSession visitor = session.orElseGet(() -> open(cookies, Optional.empty(), language));
      return withCookies(ack.handle(post, caseId, query, form, viewer(visitor)), cookies);
    }
    if (path.equals("/dashboard/login")) {
      return withCookies(login(request, session, form, language, cookies), cookies);
    }
    if (access == Access.LOCAL && session.flatMap(DeskSession::user).isEmpty()) {
      session = Optional.of(open(cookies, Optional.of("local"), language));
    }
    if (session.flatMap(DeskSession::user).isEmpty()) {
      return post
          ? Pages.send(403, "text/plain; charset=utf-8", "log in first")
          : Pages.redirect("/dashboard/login");
    }
    return withCookies(signedIn(request, path, query, form, session.get(), cookies), cookies);
  }

  private WebResponse signedIn(
      WebRequest request,
      String path,
      Form query,
      Form form,
      DeskSession session,
      List<String> cookies) {
    boolean post = request.isPost();
    Pages.Viewer viewer = viewer(session);
    String user = session.user().get();
    Matcher casePath = CASE.matcher(path);
    if (post && path.equals("/dashboard/logout")) {
      sessions.close(session.id());
      cookies.add(cookie("", 0));
      return Pages.redirect("/dashboard/login");
    } else if (!post && (path.equals("/dashboard") || path.equals("/dashboard/"))) {
      return cases.list(viewer, query);
    } else if (!post && path.equals("/dashboard/charts")) {
      return charts.show(viewer, query);
    } else if (casePath.matches()) {
      long id = Long.parseLong(casePath.group(1));
      String action = casePath.group(2) == null ? "" : casePath.group(2).substring(1);
      if (post) {
        return cases.act(id, action, form, user);
      } else if (action.isEmpty()) {
        return cases.detail(viewer, id, query);
      }
    }
    return Pages.message(404, viewer, "not found");
  }

  private WebResponse login(
      WebRequest request,
      Optional<DeskSession> session,
      Form form,
      Language language,
      List<String> cookies) {
    if (access == Access.LOCAL) {
      return Pages.redirect("/dashboard");
    }
    if (!request.isPost()) {
      DeskSession s = session.orElseGet(() -> open(cookies, Optional.empty(), language));
      return Pages.html(200, LoginPage.render(viewer(s), Optional.empty()));
    }
    String client = source(request.remote());
    String name = Actions.actor(form.get("user", ""));
    DeskSession s = session.orElseThrow();
    Optional<Duration> wait = limiter.attempt(client, name);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      return Pages.html(429, LoginPage.render(viewer(s), Optional.of(Words.TOO_MANY)))
          .with("Retry-After", Long.toString(seconds));
    }
    Optional<String> user = logins.check(name, form.get("password", ""));
    if (user.isEmpty()) {
      return Pages.html(401, LoginPage.render(viewer(s), Optional.of(Words.LOGIN_FAILED)));
    }
    limiter.succeeded(client, name);
    sessions.close(s.id()); // A new ID on login: a planted session cannot be taken over.
    open(cookies, user, language);
    return Pages.redirect("/dashboard");
  }

  private DeskSession open(List<String> cookies, Optional<String> user, Language language) {
    DeskSession session = sessions.open(user, language, lifetime);
    cookies.add(cookie(session.id(), lifetime.toSeconds()));
    return session;
  }

  private String cookie(String value, long maxAge) {
    return COOKIE
        + "="
        + value
        + "; Max-Age="
        + maxAge
        + "; Path=/dashboard; HttpOnly; SameSite=Strict"
        + (secureCookie ? "; Secure" : "");
  }

  private static WebResponse withCookies(WebResponse response, List<String> cookies) {
    WebResponse answer = response;
    for (String c : cookies) {
      answer = answer.with("Set-Cookie", c);
    }
    return answer;
  }

  private Pages.Viewer viewer(DeskSession session) {
    return new Pages.Viewer(
        session.language(), session.user(), session.csrf(), access == Access.LOCAL);
  }

  private Pages.Viewer viewer(Language language, Optional<String> user) {
    return new Pages.Viewer(language, user, "", access == Access.LOCAL);
  }

  /**
   * Whether a stored session's user may still use the desk: with named users and no token, a name
   * taken out of {@code dashboard.users} ends its sessions on every instance at once (they live in
   * the database now, and outlast restarts). Visitors' sessions carry no user and stay.
   */
  private boolean stillAllowed(DeskSession session) {
    if (session.user().isEmpty()
        || access != Access.LOGIN
        || config.dashboard().token().isPresent()) {
      return true;
    }
    String user = session.user().get();
    boolean known = config.dashboard().users().stream().anyMatch(u -> u.name().equals(user));
    if (!known) {
      sessions.close(session.id());
    }
    return known;
  }

  /** The session cookie's value, if the request carries one. */
  static String cookie(WebRequest request) {
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

  /** Where a login comes from: the address, an IPv6 one by its /64, which one host usually has. */
  static String source(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length == 16 && !address.isLoopbackAddress()) {
      Arrays.fill(bytes, 8, 16, (byte) 0);
      try {
        return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
      } catch (java.net.UnknownHostException e) {
        throw new IllegalStateException("16 bytes are an IPv6 address", e);
      }
    }
    return address.getHostAddress();
  }

  private static Form form(WebRequest request) {
    byte[] bytes = request.body();
    if (bytes.length > MAX_FORM_BYTES) {
      return new Form(java.util.Map.of());
    }
    return Form.parse(new String(bytes, StandardCharsets.UTF_8));
  }
}
