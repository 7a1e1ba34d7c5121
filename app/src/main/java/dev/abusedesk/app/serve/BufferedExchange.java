package dev.abusedesk.app.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The JDK's exchange over a request the listener has already admitted: the handlers of the
 * dashboard and the intake run unchanged on it. The body is the one read beforehand (or a bounded
 * stream of it); the response is kept whole and handed on when the handler closes the exchange.
 */
final class BufferedExchange extends HttpExchange {

  /** What a request looked like when it arrived. */
  record Head(
      String method,
      URI uri,
      String protocol,
      Headers headers,
      InetSocketAddress remote,
      InetSocketAddress local) {
    Head {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(headers, "headers");
      Objects.requireNonNull(remote, "remote");
      Objects.requireNonNull(local, "local");
    }
  }

  private final Head head;
  private final InputStream body;
  private final Consumer<Answer> answered;
  private final Headers responseHeaders = new Headers();
  private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
  private final Map<String, Object> attributes = new HashMap<>();
  private int status = -1;
  private boolean closed;

  BufferedExchange(Head head, InputStream body, Consumer<Answer> answered) {
    this.head = Objects.requireNonNull(head, "head");
    this.body = Objects.requireNonNull(body, "body");
    this.answered = Objects.requireNonNull(answered, "answered");
  }

  @Override
  public Headers getRequestHeaders() {
    return head.headers();
  }

  @Override
  public Headers getResponseHeaders() {
    return responseHeaders;
  }

  @Override
  public URI getRequestURI() {
    return head.uri();
  }

  @Override
  public String getRequestMethod() {
    return head.method();
  }

  /** Routes are matched by the listener: there are no JDK contexts. */
  @Override
  public HttpContext getHttpContext() {
    throw new UnsupportedOperationException("no HttpContext behind the Jetty listener");
  }

  @Override
  public InputStream getRequestBody() {
    return body;
  }

  @Override
  public OutputStream getResponseBody() {
    return responseBody;
  }

  @Override
  public void sendResponseHeaders(int code, long length) throws IOException {
    if (status != -1) {
      throw new IOException("headers already sent");
    }
    status = code;
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return head.remote();
  }

  @Override
  public int getResponseCode() {
    return status;
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return head.local();
  }

  @Override
  public String getProtocol() {
    return head.protocol();
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    attributes.put(name, value);
  }

  /** Filters are not used here, and swapping the streams would lose the response. */
  @Override
  public void setStreams(InputStream in, OutputStream out) {
    throw new UnsupportedOperationException("no filters behind the Jetty listener");
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return null;
  }

  /** Hands the answer on, once; a handler that sent no headers answered nothing, a 500. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      body.close();
    } catch (IOException e) {
      // Nothing is left to read from it either way.
    }
    answered.accept(
        status == -1
            ? Answer.of(Refusal.of(500, "no answer"))
            : new Answer(status, responseHeaders, responseBody.toByteArray()));
  }
}
