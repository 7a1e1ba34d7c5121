package dev.abusedesk.desk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the desk answers: a status, headers in order (a name may repeat, as {@code Set-Cookie} does)
 * and a body. The daemon writes it to its connection; a Lambda function returns it as a function
 * URL response.
 */
public record WebResponse(int status, List<Header> headers, byte[] body) {

  /** One response header. */
  public record Header(String name, String value) {
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("a header value is one line: " + name);
      }
    }
  }

  public WebResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    headers = List.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  static WebResponse of(int status, String type, String body) {
    return new WebResponse(
        status, List.of(new Header("Content-Type", type)), body.getBytes(StandardCharsets.UTF_8));
  }

  /** The same response with one more header. */
  WebResponse with(String name, String value) {
    List<Header> more = new ArrayList<>(headers);
    more.add(new Header(name, value));
    return new WebResponse(status, more, body);
  }

  /** The same response with a header replaced (or added when absent). */
  WebResponse withOnly(String name, String value) {
    List<Header> more = new ArrayList<>();
    for (Header h : headers) {
      if (!h.name().equalsIgnoreCase(name)) {
        more.add(h);
      }
    }
    more.add(new Header(name, value));
    return new WebResponse(status, more, body);
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return h.value();
      }
    }
    return null;
  }
}
