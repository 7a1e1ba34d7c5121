package dev.abusedesk.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser without a browser: keeps the session cookie, follows nothing, reads CSRF tokens. */
final class WebClient {

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final DeskServer server;
  private String cookie;
  String lastCsrf = "";

  /** The same browser, its cookie kept, visiting another server (a restart, another instance). */
  WebClient at(DeskServer other) {
    WebClient moved = new WebClient(other);
    moved.cookie = cookie;
    return moved;
  }

  WebClient(DeskServer server) {
    this.server = server;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(server.uri(path)).GET(), path);
  }

  HttpResponse<String> post(String path, Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) -> {
          if (body.length() > 0) {
            body.append('&');
          }
          body.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    return send(
        HttpRequest.newBuilder(server.uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
        path);
  }

  /** A POST with the CSRF token of the last page read. */
  HttpResponse<String> submit(String path, Map<String, String> form) {
    Map<String, String> with = new LinkedHashMap<>(form);
    with.put("csrf", lastCsrf);
    return post(path, with);
  }

  HttpResponse<String> login(String user, String password) {
    get("/dashboard/login");
    return submit("/dashboard/login", Map.of("user", user, "password", password));
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String path) {
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      response
          .headers()
          .firstValue("Set-Cookie")
          .ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
      Matcher m = CSRF.matcher(response.body());
      if (m.find()) {
        lastCsrf = m.group(1);
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
