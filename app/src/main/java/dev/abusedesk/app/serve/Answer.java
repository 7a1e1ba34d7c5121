package dev.abusedesk.app.serve;

import com.sun.net.httpserver.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** A whole HTTP response, as a handler left it in its exchange, written through Jetty in one go. */
record Answer(int status, Headers headers, byte[] body) {

  Answer {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  static Answer of(Refusal refusal) {
    Headers headers = new Headers();
    refusal.headers().forEach(headers::set);
    headers.set("Content-Type", "application/json");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Cache-Control", "no-store");
    return new Answer(refusal.status(), headers, refusal.json().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes the answer and completes {@code callback} once it is sent.
   *
   * @param close whether the connection ends after it: the request body was not read to its end, or
   *     the client is one to be rid of
   */
  void write(Response response, boolean close, Callback callback) {
    response.setStatus(status);
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      for (String value : header.getValue()) {
        response.getHeaders().add(header.getKey(), value);
      }
    }
    boolean bodiless = status == 204 || status == 304;
    if (!bodiless) {
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    }
    if (close) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    response.write(true, bodiless || body.length == 0 ? null : ByteBuffer.wrap(body), callback);
  }
}
