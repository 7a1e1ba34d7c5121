package dev.abusedesk.desk;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An {@code application/x-www-form-urlencoded} body or query string, read leniently. */
record Form(Map<String, String> values) {

  static final Form EMPTY = new Form(Map.of());

  Form {
    values = Map.copyOf(values);
  }

  static Form parse(String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return new Form(values);
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        values.putIfAbsent(
            URLDecoder.decode(key, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // A malformed escape: the pair is ignored, like a browser would never send it.
      }
    }
    return new Form(values);
  }

  Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  String get(String key, String otherwise) {
    return values.getOrDefault(key, otherwise);
  }
}
