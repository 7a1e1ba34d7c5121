package dev.abusedesk.desk;

import java.util.Optional;

/** The login form. */
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
}
