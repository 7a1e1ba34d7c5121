package dev.abusedesk.desk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The dashboard's CSS and JavaScript, from the jar, cached for a year (the URL has a version). */
final class Static {

  private Static() {}

  private static final Map<String, String> FILES =
      Map.of("desk.css", "text/css; charset=utf-8", "desk.js", "text/javascript; charset=utf-8");

  static WebResponse serve(String name) {
    String type = FILES.get(name);
    byte[] bytes = null;
    if (type != null) {
      try (InputStream in = Static.class.getResourceAsStream("static/" + name)) {
        bytes = in == null ? null : in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("reading the desk's " + name + " from the jar", e);
      }
    }
    if (bytes == null) {
      return Pages.send(404, "text/plain; charset=utf-8", "not found");
    }
    return Pages.secured(
            new WebResponse(200, List.of(new WebResponse.Header("Content-Type", type)), bytes))
        .withOnly("Cache-Control", "public, max-age=31536000, immutable");
  }
}
