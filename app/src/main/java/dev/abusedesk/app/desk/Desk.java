package dev.abusedesk.app.desk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.abusedesk.config.Config;
import dev.abusedesk.config.Language;
import dev.abusedesk.config.PasswordHash;
import dev.abusedesk.links.AckLinks;
import dev.abusedesk.pipeline.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The response desk under {@code /dashboard}: login, sessions and CSRF checks here; the pages and
 * actions in {@link CasePages}, {@link AckFlow} and {@link ChartsPage}.
 */
public final class Desk implements HttpHandler {

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

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (path.startsWith(Pages.STATIC) && "GET".equals(method)) {
      Static.serve(exchange, path.substring(Pages.STATIC.length()));
      return;
    }
    Form query = Form.parse(exchange.getRequestURI().getRawQuery());
    Optional<Sessions.Session> session = sessions.find(cookie(exchange));
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
      Pages.message(exchange, 403, viewer(language, Optional.empty()), Words.CLOSED.in(language));
      return;
    }
    if (access == Access.LOCAL
        && !Access.isLocalRequest(
            exchange.getRequestHeaders(),
            exchange.getLocalAddress(),
            exchange.getRemoteAddress())) {
      // Neither a web page elsewhere (DNS rebinding) nor a proxy's visitors reach the local desk.
      Pages.send(
          exchange,
          403,
          "text/plain; charset=utf-8",
          "local mode answers only requests from this machine to localhost or a loopback address,"
              + " not through a proxy; configure dashboard.users for anything else");
      return;
    }
    boolean post = "POST".equals(method);
    if (!post && !"GET".equals(method)) {
      Pages.send(exchange, 405, "text/plain; charset=utf-8", "method not allowed");
      return;
    }
    Form form = post ? readForm(exchange) : new Form(java.util.Map.of());
    if (post && (session.isEmpty() || !session.get().csrfMatches(form.get("csrf", null)))) {
      Pages.send(exchange, 403, "text/plain; charset=utf-8", "missing or stale CSRF token");
      return;
    }
    Matcher ackPath = ACK.matcher(path);
    if (ackPath.matches()) {
      Sessions.Session visitor =
          session.orElseGet(() -> open(exchange, Optional.empty(), language));
      ack.handle(exchange, Long.parseLong(ackPath.group(1)), query, form, viewer(visitor));
      return;
    }
    if (path.equals("/dashboard/login")) {
      login(exchange, session, form, language);
      return;
    }
    if (access == Access.LOCAL && session.flatMap(Sessions.Session::user).isEmpty()) {
      session = Optional.of(open(exchange, Optional.of("local"), language));
    }
    if (session.flatMap(Sessions.Session::user).isEmpty()) {
      if (post) {
        Pages.send(exchange, 403, "text/plain; charset=utf-8", "log in first");
      } else {
        Pages.redirect(exchange, "/dashboard/login");
      }
      return;
    }
    Pages.Viewer viewer = viewer(session.get());
    String user = session.get().user().get();
    Matcher casePath = CASE.matcher(path);
    if (post && path.equals("/dashboard/logout")) {
      sessions.close(session.get().id());
      setCookie(exchange, "", 0);
      Pages.redirect(exchange, "/dashboard/login");
    } else if (!post && (path.equals("/dashboard") || path.equals("/dashboard/"))) {
      cases.list(exchange, viewer, query);
    } else if (!post && path.equals("/dashboard/charts")) {
      charts.show(exchange, viewer, query);
    } else if (casePath.matches()) {
      long id = Long.parseLong(casePath.group(1));
      String action = casePath.group(2) == null ? "" : casePath.group(2).substring(1);
      if (post) {
        cases.act(exchange, id, action, form, user);
      } else if (action.isEmpty()) {
        cases.detail(exchange, viewer, id, query);
      } else {
        Pages.message(exchange, 404, viewer, "not found");
      }
    } else {
      Pages.message(exchange, 404, viewer, "not found");
    }
  }

  private void login(
      HttpExchange exchange, Optional<Sessions.Session> session, Form form, Language language)
      throws IOException {
    if (access == Access.LOCAL) {
      Pages.redirect(exchange, "/dashboard");
      return;
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      Sessions.Session s = session.orElseGet(() -> open(exchange, Optional.empty(), language));
      Pages.html(exchange, 200, LoginPage.render(viewer(s), Optional.empty()));
      return;
    }
    String client = source(exchange.getRemoteAddress().getAddress());
    String name = Actions.actor(form.get("user", ""));
    Sessions.Session s = session.orElseThrow();
    Optional<Duration> wait = limiter.attempt(client, name);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
      Pages.html(exchange, 429, LoginPage.render(viewer(s), Optional.of(Words.TOO_MANY)));
      return;
    }
    Optional<String> user = logins.check(name, form.get("password", ""));
    if (user.isEmpty()) {
      Pages.html(exchange, 401, LoginPage.render(viewer(s), Optional.of(Words.LOGIN_FAILED)));
      return;
    }
    limiter.succeeded(client, name);
    sessions.close(s.id()); // A new ID on login: a planted session cannot be taken over.
    open(exchange, user, language);
    Pages.redirect(exchange, "/dashboard");
  }

  private Sessions.Session open(HttpExchange exchange, Optional<String> user, Language language) {
    Sessions.Session session = sessions.open(user, language);
    setCookie(exchange, session.id(), sessions.lifetime().toSeconds());
    return session;
  }

  private void setCookie(HttpExchange exchange, String value, long maxAge) {
    exchange
        .getResponseHeaders()
        .add(
            "Set-Cookie",
            COOKIE
                + "="
                + value
                + "; Max-Age="
                + maxAge
                + "; Path=/dashboard; HttpOnly; SameSite=Strict"
                + (secureCookie ? "; Secure" : ""));
  }

  private Pages.Viewer viewer(Sessions.Session session) {
    return new Pages.Viewer(
        session.language(), session.user(), session.csrf(), access == Access.LOCAL);
  }

  private Pages.Viewer viewer(Language language, Optional<String> user) {
    return new Pages.Viewer(language, user, "", access == Access.LOCAL);
  }

  static String cookie(HttpExchange exchange) {
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
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

  private static Form readForm(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_FORM_BYTES + 1);
      if (bytes.length > MAX_FORM_BYTES) {
        return new Form(java.util.Map.of());
      }
      return Form.parse(new String(bytes, StandardCharsets.UTF_8));
    }
  }
}
