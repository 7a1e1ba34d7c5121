package dev.abusedesk.app.desk;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** The dashboard's CSS and JavaScript, from the jar, cached for a year (the URL has a version). */
final class Static {

  private Static() {}

  private static final Map<String, String> FILES =
      Map.of("desk.css", "text/css; charset=utf-8", "desk.js", "text/javascript; charset=utf-8");

  static void serve(HttpExchange exchange, String name) throws IOException {
    String type = FILES.get(name);
    byte[] bytes = null;
    if (type != null) {
      try (InputStream in = Static.class.getResourceAsStream("static/" + name)) {
        bytes = in == null ? null : in.readAllBytes();
      }
    }
    if (bytes == null) {
      Pages.send(exchange, 404, "text/plain; charset=utf-8", "not found");
      return;
    }
    Pages.headers(exchange);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "public, max-age=31536000, immutable");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
