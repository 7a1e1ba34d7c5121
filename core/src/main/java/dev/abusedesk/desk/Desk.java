package dev.abusedesk.desk;

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
 * actions in {@link CasePages}, {@link AckFlow} and {@link ChartsPage}.
 */
public final class Desk {

  static final String COOKIE = "abusedesk_session";

  /** The largest form post read; the HTTP listener refuses larger bodies before reading them. */
  public static final int MAX_FORM_BYTES = 256 * 1024;

  private static final Pattern CASE = Pattern.compile("/dashboard/cases/(\\d{1,15})(/[a-z]+)?");
  private static final Pattern ACK = Pattern.compile("/dashboard/ack/(\\d{1,15})");

  private final Config config;
  private final Access access;
  private final Sessions sessions;
  private final LoginLimiter limiter;
  private final Logins logins;
  private final boolean secureCookie;
  private final CasePages cases;
  private final AckFlow ack;
  private final ChartsPage charts;

  /**
   * @param loopback whether the HTTP listener is on a loopback address
   * @param queued wakes delivery after something was queued
   */
  public Desk(
      Pipeline pipeline,
      AckLinks ackLinks,
      boolean loopback,
      Clock clock,
      Runnable queued,
      Optional<ReplyMail> replies) {
    this(pipeline, ackLinks, loopback, clock, queued, replies, PasswordHash::verify);
  }

  /**
   * @param hashes checks a password against its hash: {@link PasswordHash#verify}, or a test's
   *     wrapper that counts the checks
   */
  Desk(
      Pipeline pipeline,
      AckLinks ackLinks,
      boolean loopback,
      Clock clock,
      Runnable queued,
      Optional<ReplyMail> replies,
      Logins.Hashes hashes) {
    this.config = pipeline.config();
    this.access = Access.of(config.dashboard(), loopback);
    this.sessions = new Sessions(clock, Duration.ofHours(config.dashboard().sessionHours()));
    this.limiter = new LoginLimiter(clock);
    this.logins = new Logins(config.dashboard(), hashes);
    this.secureCookie =
        config.publicUrl().map(u -> "https".equalsIgnoreCase(u.getScheme())).orElse(false);
    Actions actions = new Actions(pipeline, clock, queued);
    this.cases = new CasePages(pipeline, actions, clock, replies);
    this.ack = new AckFlow(pipeline, actions, ackLinks, clock);
    this.charts = new ChartsPage(pipeline, clock);
  }

  /** Answers one request under {@code /dashboard}. */
  public WebResponse handle(WebRequest request) {
    String path = request.path();
    if (path.startsWith(Pages.STATIC) && "GET".equals(request.method())) {
      return Static.serve(path.substring(Pages.STATIC.length()));
    }
    Form query = Form.parse(request.rawQuery());
    Optional<Sessions.Session> session = sessions.find(cookie(request));
    Language language =
        query
            .get("lang")
            .filter(l -> l.equals("en") || l.equals("ja"))
            .map(l -> Language.valueOf(l.toUpperCase(java.util.Locale.ROOT)))
            .orElse(session.map(Sessions.Session::language).orElse(config.language()));
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
      Sessions.Session visitor = session.orElseGet(() -> open(cookies, Optional.empty(), language));
      return withCookies(
          ack.handle(post, Long.parseLong(ackPath.group(1)), query, form, viewer(visitor)),
          cookies);
    }
    if (path.equals("/dashboard/login")) {
      return withCookies(login(request, session, form, language, cookies), cookies);
    }
    if (access == Access.LOCAL && session.flatMap(Sessions.Session::user).isEmpty()) {
      session = Optional.of(open(cookies, Optional.of("local"), language));
    }
    if (session.flatMap(Sessions.Session::user).isEmpty()) {
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
      Sessions.Session session,
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
      Optional<Sessions.Session> session,
      Form form,
      Language language,
      List<String> cookies) {
    if (access == Access.LOCAL) {
      return Pages.redirect("/dashboard");
    }
    if (!request.isPost()) {
      Sessions.Session s = session.orElseGet(() -> open(cookies, Optional.empty(), language));
      return Pages.html(200, LoginPage.render(viewer(s), Optional.empty()));
    }
    String client = source(request.remote());
    String name = Actions.actor(form.get("user", ""));
    Sessions.Session s = session.orElseThrow();
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

  private Sessions.Session open(List<String> cookies, Optional<String> user, Language language) {
    Sessions.Session session = sessions.open(user, language);
    cookies.add(cookie(session.id(), sessions.lifetime().toSeconds()));
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

  private Pages.Viewer viewer(Sessions.Session session) {
    return new Pages.Viewer(
        session.language(), session.user(), session.csrf(), access == Access.LOCAL);
  }

  private Pages.Viewer viewer(Language language, Optional<String> user) {
    return new Pages.Viewer(language, user, "", access == Access.LOCAL);
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
