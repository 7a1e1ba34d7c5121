package dev.abusedesk.desk;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the desk sees it, whatever received it: the daemon's listener or a Lambda
 * Function URL. The body has been read (and bounded) by then.
 *
 * @param path the decoded path, such as {@code /dashboard/cases/12}
 * @param rawQuery the query string as sent, without {@code ?}; empty when there is none
 * @param headers every header by its lower-case name, each value as it came
 * @param remote the client's address, as the server or AWS saw it
 * @param localPort the port the request arrived on; empty behind a function URL
 */
public record WebRequest(
    String method,
    String path,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body,
    InetAddress remote,
    Optional<Integer> localPort) {

  public WebRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rawQuery, "rawQuery");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(localPort, "localPort");
    TreeMap<String, List<String>> lower = new TreeMap<>();
    headers.forEach(
        (name, values) ->
            lower
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new java.util.ArrayList<>())
                .addAll(values));
    lower.replaceAll((name, values) -> List.copyOf(values));
    headers = java.util.Collections.unmodifiableMap(lower);
  }

  /** Every value of a header, in the order sent; none when it is absent. */
  public List<String> all(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** The first value of a header. */
  public Optional<String> first(String name) {
    List<String> values = all(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public boolean has(String name) {
    return headers.containsKey(name.toLowerCase(Locale.ROOT));
  }

  public boolean isPost() {
    return "POST".equals(method);
  }
}
