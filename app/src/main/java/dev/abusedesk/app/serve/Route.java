package dev.abusedesk.app.serve;

import com.sun.net.httpserver.HttpHandler;
import java.util.Objects;

/**
 * A path prefix of the HTTP listener, what is checked before its body is read, and its handler.
 * Like the JDK's {@code HttpServer} contexts, the longest matching prefix wins.
 */
public record Route(String path, Admission admission, HttpHandler handler) {

  public Route {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(admission, "admission");
    Objects.requireNonNull(handler, "handler");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a route path starts with /: " + path);
    }
  }
}
