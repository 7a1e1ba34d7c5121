package dev.abusedesk.desk;

import dev.abusedesk.config.Language;
import java.util.Optional;

/** The page frame and the answers every dashboard page sends, with strict security headers. */
final class Pages {

  private Pages() {}

  /** No inline script or style, nothing from elsewhere, no framing, no referrer for ack links. */
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  static final String STATIC = "/dashboard/static/";

  /** Bumped with the static files, so that their long cache never serves an old copy. */
  static final String STATIC_VERSION = "3";

  /** What the frame needs to know about who is looking. */
  record Viewer(Language language, Optional<String> user, String csrf, boolean localMode) {}

  static Html frame(Viewer viewer, String title, Html body) {
    Language lang = viewer.language();
    Html page =
        Html.of()
            .t(
                "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<title>{} · Abuse Desk</title>"
                    + "<link rel=\"stylesheet\" href=\"{}desk.css?v={}\">"
                    + "<script src=\"{}desk.js?v={}\" defer></script></head><body>",
                lang.wire(),
                title,
                STATIC,
                STATIC_VERSION,
                STATIC,
                STATIC_VERSION);
    page.t("<header><a class=\"brand\" href=\"/dashboard\">Abuse Desk</a><nav>");
    if (viewer.user().isPresent()) {
      page.t(
          "<a href=\"/dashboard\">{}</a><a href=\"/dashboard/charts\">{}</a>",
          Words.CASES.in(lang),
          Words.CHARTS.in(lang));
    }
    page.t(
        "<span class=\"lang\"><a href=\"?lang=en\" hreflang=\"en\">EN</a>"
            + " <a href=\"?lang=ja\" hreflang=\"ja\">日本語</a></span>");
    if (viewer.user().isPresent()) {
      page.t("<span class=\"user\">{}</span>", viewer.user().get());
      if (!viewer.localMode()) {
        page.t("<form method=\"post\" action=\"/dashboard/logout\" class=\"inline\">")
            .add(csrfField(viewer.csrf()))
            .t("<button type=\"submit\">{}</button></form>", Words.LOG_OUT.in(lang));
      }
    }
    page.t("</nav></header>");
    if (viewer.localMode()) {
      page.t("<p class=\"banner\" id=\"local-mode\">{}</p>", Words.LOCAL_MODE.in(lang));
    }
    return page.t("<main>").add(body).t("</main></body></html>");
  }

  static Html csrfField(String csrf) {
    return Html.of().t("<input type=\"hidden\" name=\"csrf\" value=\"{}\">", csrf);
  }

  static WebResponse html(int status, Html page) {
    return send(status, "text/html; charset=utf-8", page.toString());
  }

  /** A page that is only a message, such as a refusal. */
  static WebResponse message(int status, Viewer viewer, String text) {
    return html(status, frame(viewer, text, Html.of().t("<p class=\"message\">{}</p>", text)));
  }

  static WebResponse redirect(String location) {
    return secured(new WebResponse(303, java.util.List.of(), new byte[0]))
        .with("Location", location);
  }

  static WebResponse send(int status, String type, String body) {
    return secured(WebResponse.of(status, type, body));
  }

  /** The security headers every answer of the desk carries. */
  static WebResponse secured(WebResponse response) {
    return response
        .with("Content-Security-Policy", CSP)
        .with("X-Content-Type-Options", "nosniff")
        .with("X-Frame-Options", "DENY")
        .with("Referrer-Policy", "no-referrer")
        .with("Cache-Control", "no-store");
  }
}
