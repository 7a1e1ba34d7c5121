package dev.abusedesk.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server for tests that stands in for a remote API: each request is answered by a
 * function, and every request is kept for assertions. Binds 127.0.0.1 on a free port.
 */
public final class StubHttp implements AutoCloseable {

  /** A request as received. */
  public record Request(
      String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
    public Request {
      body = body.clone();
      headers = Map.copyOf(headers);
    }

    /** The first value of a header, case-insensitively; empty when absent. */
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse("");
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** An answer to send. */
  public record Answer(int status, Map<String, String> headers, byte[] body) {
    public Answer {
      headers = Map.copyOf(headers);
      body = body.clone();
    }

    public static Answer json(int status, String contentType, String json) {
      return new Answer(
          status, Map.of("Content-Type", contentType), json.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Answers one request. */
  @FunctionalInterface
  public interface Handler {
    Answer answer(Request request) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService threads;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private StubHttp(Handler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    threads = Executors.newFixedThreadPool(4);
    server.setExecutor(threads);
    server.createContext("/", exchange -> serve(exchange, handler));
    server.start();
  }

  public static StubHttp start(Handler handler) {
    try {
      return new StubHttp(Objects.requireNonNull(handler, "handler"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void serve(HttpExchange exchange, Handler handler) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Request request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery() == null
                  ? ""
                  : exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders(),
              body);
      requests.add(request);
      Answer answer;
      try {
        answer = handler.answer(request);
      } catch (RuntimeException e) {
        answer = Answer.json(500, "text/plain", "stub failed: " + e);
      }
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      boolean empty = answer.body().length == 0 || request.method().equals("HEAD");
      exchange.sendResponseHeaders(answer.status(), empty ? -1 : answer.body().length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        }
      }
    }
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Every request received so far, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
