package dev.abusedesk.app.desk;

import dev.abusedesk.config.Dashboard;
import dev.abusedesk.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** The login form, and the check of what it sends. */
final class LoginPage {

  private LoginPage() {}

  static Html render(Pages.Viewer viewer, Optional<Words> problem) {
    var lang = viewer.language();
    Html body = Html.of().t("<h1>{}</h1>", Words.LOG_IN.in(lang));
    problem.ifPresent(p -> body.t("<p class=\"error\" id=\"login-error\">{}</p>", p.in(lang)));
    body.t("<form method=\"post\" action=\"/dashboard/login\" class=\"login\">")
        .add(Pages.csrfField(viewer.csrf()))
        .t(
            "<label>{} <input name=\"user\" id=\"user\" autocomplete=\"username\"></label>"
                + "<label>{} <input name=\"password\" id=\"password\" type=\"password\""
                + " autocomplete=\"current-password\"></label>"
                + "<button type=\"submit\" id=\"login\">{}</button></form>",
            Words.USER.in(lang),
            Words.PASSWORD.in(lang),
            Words.LOG_IN.in(lang));
    return Pages.frame(viewer, Words.LOG_IN.in(lang), body);
  }

  /**
   * Who logs in: a configured user with the right password, or anyone with the token (named as they
   * typed, else {@code token}).
   */
  static Optional<String> check(Dashboard dashboard, String user, String password) {
    String name = Actions.actor(user);
    Optional<Dashboard.User> known = dashboard.user(name);
    if (known.isPresent()) {
      return known.get().accepts(password.toCharArray()) ? Optional.of(name) : Optional.empty();
    }
    if (dashboard.token().isPresent() && sameSecret(password, dashboard.token().get())) {
      return Optional.of(name.isEmpty() ? "token" : name);
    }
    return Optional.empty();
  }

  private static boolean sameSecret(String given, Secret expected) {
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.reveal().getBytes(StandardCharsets.UTF_8));
  }
}
