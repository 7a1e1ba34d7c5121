package dev.abusedesk.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Sends rendered HTTP calls with one shared client: 5 s to connect, 10 s for the whole answer, at
 * most 16 KiB of it read, redirects never followed (they would carry tokens elsewhere). Network
 * errors are {@link Delivery.Retry}; what the endpoint answered is the notifier's to classify.
 * Webhook URLs and header values are credentials: a reason names the host only, and anything of the
 * call that an endpoint echoes back is masked before it reaches a reason.
 */
public final class HttpTransport {

  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  public static final int MAX_BODY = 16 * 1024;

  /** Parts of a call shorter than this are too common to be secrets, and masking them garbles. */
  private static final int MIN_MASKED = 6;

  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  private final HttpClient client;
  private final Duration requestTimeout;
  private final Clock clock;

  public HttpTransport(Clock clock) {
    this(clock, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
  }

  /** With other timeouts, for tests that should not wait 10 s for a silent server. */
  public HttpTransport(Clock clock, Duration connectTimeout, Duration requestTimeout) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Sends {@code call} and lets {@code notifier} read the answer. */
  public Delivery send(Outgoing.HttpCall call, Notifier notifier) {
    Delivery delivery;
    try {
      delivery = notifier.classify(exchange(call));
    } catch (IOException e) {
      delivery = new Delivery.Retry(null, "cannot reach " + host(call) + ": " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      delivery = new Delivery.Retry(null, "interrupted while sending to " + host(call));
    } catch (IllegalArgumentException e) {
      // The request itself cannot be built: a header the HTTP client refuses to set.
      return new Delivery.Failed("cannot send to " + host(call) + ": invalid request");
    }
    return mask(delivery, call);
  }

  /**
   * The raw, bounded answer: header names in lower case, a {@code date} header added from the clock
   * when the endpoint sent none (Retry-After dates are read against it).
   */
  public Response exchange(Outgoing.HttpCall call) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(call.uri())
            .timeout(requestTimeout)
            .method(
                call.method(),
                HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
    call.headers().forEach(request::header);
    HttpResponse<InputStream> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    String body;
    try (InputStream in = response.body()) {
      body = new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
    }
    Map<String, List<String>> headers = new HashMap<>();
    response
        .headers()
        .map()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    headers.putIfAbsent("date", List.of(HTTP_DATE.format(clock.instant().atZone(ZoneOffset.UTC))));
    return new Response(response.statusCode(), headers, body);
  }

  static String host(Outgoing.HttpCall call) {
    return call.uri().getHost();
  }

  private static String describe(IOException e) {
    return e instanceof java.net.http.HttpTimeoutException
        ? "timed out"
        : e.getClass().getSimpleName();
  }

  /** The reason with every secret-looking part of the call masked. */
  static Delivery mask(Delivery delivery, Outgoing.HttpCall call) {
    if (delivery instanceof Delivery.Retry retry) {
      return new Delivery.Retry(retry.after(), mask(retry.reason(), call));
    }
    if (delivery instanceof Delivery.Failed failed) {
      return new Delivery.Failed(mask(failed.reason(), call));
    }
    return delivery;
  }

  static String mask(String reason, Outgoing.HttpCall call) {
    String masked = reason;
    for (String secret : secrets(call)) {
      masked = masked.replace(secret, "***");
    }
    return masked;
  }

  /**
   * The whole URL, its path and query, the path segments and query values that look like keys (a
   * digit, or long), and the header values but the content type.
   */
  private static List<String> secrets(Outgoing.HttpCall call) {
    URI uri = call.uri();
    String path = String.valueOf(uri.getRawPath());
    String query = String.valueOf(uri.getRawQuery());
    List<String> parts = new ArrayList<>(List.of(uri.toString(), path, query));
    for (String segment : path.split("/")) {
      parts.add(keyLike(segment) ? segment : "");
    }
    for (String pair : query.split("&")) {
      parts.add(pair.substring(pair.indexOf('=') + 1));
    }
    call.headers()
        .forEach(
            (name, value) -> {
              if (!name.equalsIgnoreCase("Content-Type")) {
                parts.add(value);
                parts.add(value.substring(value.indexOf(' ') + 1)); // "Bearer TOKEN"
              }
            });
    return parts.stream()
        .filter(p -> p.length() >= MIN_MASKED && !p.equals("null") && !p.equals("/"))
        .filter(p -> !p.equalsIgnoreCase(uri.getHost()))
        .sorted((a, b) -> b.length() - a.length())
        .toList();
  }

  /** Words like {@code messages} are not keys; tokens mix in digits or capitals, or are long. */
  private static boolean keyLike(String segment) {
    return segment.length() >= 20
        || segment.chars().anyMatch(c -> Character.isDigit(c) || Character.isUpperCase(c));
  }
}
