package dev.abusedesk.app.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request turned away, most often before a byte of its body was read: a status, a short fixed
 * message for {@code {"error": "..."}}, and any headers the status calls for ({@code Allow}, {@code
 * WWW-Authenticate}, {@code Retry-After}).
 */
record Refusal(int status, String message, Map<String, String> headers) {

  Refusal {
    Objects.requireNonNull(message, "message");
    headers = Map.copyOf(headers);
  }

  static Refusal of(int status, String message) {
    return new Refusal(status, message, Map.of());
  }

  static Refusal tooLarge(long maxBytes) {
    return of(413, "larger than " + maxBytes + " bytes");
  }

  /** The server is at its limit for now: the client should come back later. */
  static Refusal busy() {
    return of(503, "try again later").with("Retry-After", "60");
  }

  static Refusal tooSlow() {
    return of(408, "the request took too long");
  }

  Refusal with(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Refusal(status, message, more);
  }

  /** The body, as {@link Requests#error} writes it. */
  String json() {
    return "{\"error\":\"" + message.replace("\"", "'") + "\"}";
  }
}
