package dev.abusedesk.app.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** What every HTTP handler needs: bounded bodies, plain answers, token checks. */
final class Requests {

  private Requests() {}

  /** Reads at most {@code max} bytes; empty when the body is larger. */
  static Optional<byte[]> body(HttpExchange exchange, long max) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > max) {
          return Optional.empty();
        }
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
      return bytes.length > max ? Optional.empty() : Optional.of(bytes);
    }
  }

  static void answer(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static void json(HttpExchange exchange, int status, String json) throws IOException {
    answer(exchange, status, "application/json", json);
  }

  /** {@code {"error": "..."}} with a fixed, harmless message. */
  static void error(HttpExchange exchange, int status, String message) throws IOException {
    json(exchange, status, "{\"error\":\"" + message.replace("\"", "'") + "\"}");
  }

  /** A refusal with its headers, as {@link #error} writes it. */
  static void refuse(HttpExchange exchange, Refusal refusal) throws IOException {
    refusal.headers().forEach(exchange.getResponseHeaders()::set);
    error(exchange, refusal.status(), refusal.message());
  }

  /** The token a request carries: {@code Authorization: Bearer ...} or {@code x-api-key}. */
  static Optional<String> token(HttpExchange exchange) {
    return token(exchange.getRequestHeaders());
  }

  static Optional<String> token(Headers headers) {
    String authorization = headers.getFirst("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(authorization.substring(7).strip());
    }
    return Optional.ofNullable(headers.getFirst("x-api-key")).map(String::strip);
  }

  /** Compares in constant time, so response timing tells nothing about the token. */
  static boolean sameSecret(String given, String expected) {
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
