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
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 and a free port, for tests of everything that posts: it records
 * every request and answers with scripted answers per path, in order, the last one repeating.
 * Unscripted paths get {@link #otherwise} (200 {@code ok} by default). {@link Answer} has the
 * answers of the real tools ({@code Answer.slackOk()}, {@code Answer.discordNoContent()}, ...).
 *
 * <pre>{@code
 * try (LoopbackHttp server = LoopbackHttp.start()) {
 *   server.on("/slack", Answer.of(503, "busy"), Answer.slackOk());
 *   ... post to server.uri("/slack") ...
 *   assertThat(server.requests("/slack")).hasSize(2);
 * }
 * }</pre>
 */
public final class LoopbackHttp implements AutoCloseable {

  /** What the server answers to one request. {@code delay} holds the answer back first. */
  public record Answer(int status, Map<String, String> headers, String body, Duration delay) {
    public Answer {
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(delay, "delay");
    }

    public static Answer of(int status, String body) {
      return new Answer(status, Map.of(), body, Duration.ZERO);
    }

    public static Answer json(int status, String body) {
      return of(status, body).withHeader("Content-Type", "application/json");
    }

    public Answer withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Answer(status, more, body, delay);
    }

    public Answer after(Duration wait) {
      return new Answer(status, headers, body, wait);
    }

    /** Slack incoming webhook: 200 {@code ok} as text. */
    public static Answer slackOk() {
      return of(200, "ok").withHeader("Content-Type", "text/html");
    }

    /** Slack Web API: 200 with {@code ok} and the message's {@code ts}. */
    public static Answer slackApiOk(String ts) {
      return json(200, "{\"ok\":true,\"channel\":\"C0123456789\",\"ts\":\"" + ts + "\"}");
    }

    /** Slack Web API error: HTTP 200 all the same. */
    public static Answer slackApiError(String error) {
      return json(200, "{\"ok\":false,\"error\":\"" + error + "\"}");
    }

    /** Teams workflow: 202 Accepted, no body. */
    public static Answer teamsAccepted() {
      return of(202, "");
    }

    /** Google Chat: 200 with the created message. */
    public static Answer googleChatOk() {
      return json(
          200,
          "{\"name\":\"spaces/AAAA/messages/BBBB.BBBB\",\"thread\":{\"name\":\"spaces/AAAA/threads/CCCC\"}}");
    }

    /** Chatwork: 200 with the new message's ID. */
    public static Answer chatworkOk() {
      return json(200, "{\"message_id\":\"1\"}");
    }

    /** Discord webhook without {@code ?wait=true}: 204 No Content. */
    public static Answer discordNoContent() {
      return of(204, "");
    }

    /** Discord's rate limit: 429 with {@code retry_after} in seconds, as a float. */
    public static Answer discordRateLimited(double seconds) {
      return json(
          429,
          "{\"message\":\"You are being rate limited.\",\"retry_after\":"
              + seconds
              + ",\"global\":false}");
    }

    /** PagerDuty Events API v2: 202 with the incident's dedup key. */
    public static Answer pagerDutyAccepted(String dedupKey) {
      return json(
          202,
          "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\""
              + dedupKey
              + "\"}");
    }
  }

  /** One request as the server saw it; header names in lower case. */
  public record Request(
      String method, String path, String query, Map<String, List<String>> headers, String body) {

    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Deque<Answer>> scripts = new HashMap<>();
  private final List<Request> requests = new ArrayList<>();
  private Answer otherwise = Answer.of(200, "ok");

  private LoopbackHttp(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** A server on 127.0.0.1 and a free port, answering at once. */
  public static LoopbackHttp start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      ExecutorService executor = Executors.newFixedThreadPool(8);
      LoopbackHttp loopback = new LoopbackHttp(server, executor);
      server.createContext("/", loopback::handle);
      server.setExecutor(executor);
      server.start();
      return loopback;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the loopback HTTP server", e);
    }
  }

  /** {@code http://127.0.0.1:PORT} and {@code pathAndQuery}. */
  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Answers requests to {@code path} with these answers in order; the last one repeats. */
  public synchronized LoopbackHttp on(String path, Answer... answers) {
    if (answers.length == 0) {
      throw new IllegalArgumentException("at least one answer");
    }
    scripts.put(path, new ArrayDeque<>(List.of(answers)));
    return this;
  }

  /**
   * Answers {@code path} with 429 and {@code Retry-After: 1} whenever more than {@code perSecond}
   * requests arrived within the last second, as rate-limited chat APIs do; the script answers the
   * others.
   */
  public synchronized LoopbackHttp rateLimit(String path, int perSecond) {
    limits.put(path, perSecond);
    return this;
  }

  /** How many requests to {@code path} were refused by its rate limit. */
  public synchronized int rateLimited(String path) {
    return refused.getOrDefault(path, 0);
  }

  /** The answer for paths without a script. */
  public synchronized LoopbackHttp otherwise(Answer answer) {
    this.otherwise = Objects.requireNonNull(answer, "answer");
    return this;
  }

  /** Every request so far, in arrival order. */
  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests to {@code path}, in arrival order. */
  public synchronized List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** A request, what it was answered, and when it arrived ({@link System#nanoTime()}). */
  public record Arrival(Request request, int status, long nanos) {
    public boolean accepted() {
      return status >= 200 && status < 300;
    }
  }

  /** The requests to {@code path} that were answered 2xx, in arrival order, with their time. */
  public synchronized List<Arrival> accepted(String path) {
    return arrivals.stream().filter(a -> a.accepted() && a.request().path().equals(path)).toList();
  }

  /** Forgets the requests so far; the scripts stay. */
  public synchronized void clear() {
    requests.clear();
    arrivals.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Map<String, List<String>> headers = new HashMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      URI uri = exchange.getRequestURI();
      Answer answer =
          record(
              new Request(
                  exchange.getRequestMethod(),
                  uri.getPath(),
                  uri.getRawQuery() == null ? "" : uri.getRawQuery(),
                  Map.copyOf(headers),
                  new String(body, StandardCharsets.UTF_8)));
      if (!answer.delay().isZero()) {
        Thread.sleep(answer.delay().toMillis());
      }
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
      boolean empty = out.length == 0;
      exchange.sendResponseHeaders(answer.status(), empty ? -1 : out.length);
      if (!empty) {
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(out);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private final List<Arrival> arrivals = new ArrayList<>();
  private final Map<String, Integer> limits = new HashMap<>();
  private final Map<String, Deque<Long>> recent = new HashMap<>();
  private final Map<String, Integer> refused = new HashMap<>();

  private synchronized Answer record(Request request) {
    Answer answer = answerFor(request);
    requests.add(request);
    arrivals.add(new Arrival(request, answer.status(), System.nanoTime()));
    return answer;
  }

  private Answer answerFor(Request request) {
    Integer limit = limits.get(request.path());
    if (limit != null) {
      long now = System.nanoTime();
      Deque<Long> window = recent.computeIfAbsent(request.path(), k -> new ArrayDeque<>());
      while (!window.isEmpty() && now - window.peekFirst() > 1_000_000_000L) {
        window.pollFirst();
      }
      if (window.size() >= limit) {
        refused.merge(request.path(), 1, Integer::sum);
        return Answer.of(429, "rate limited").withHeader("Retry-After", "1");
      }
      window.addLast(now);
    }
    Deque<Answer> script = scripts.get(request.path());
    if (script == null) {
      return otherwise;
    }
    return script.size() > 1 ? script.poll() : script.peek();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
