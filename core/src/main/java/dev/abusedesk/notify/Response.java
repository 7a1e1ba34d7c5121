package dev.abusedesk.notify;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an HTTP endpoint answered, bounded: the body is cut to a few kilobytes before anyone reads
 * it.
 *
 * @param headers lower-case names
 */
public record Response(int status, Map<String, List<String>> headers, String body) {

  public Response {
    headers = Map.copyOf(headers);
    body = body == null ? "" : body;
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
