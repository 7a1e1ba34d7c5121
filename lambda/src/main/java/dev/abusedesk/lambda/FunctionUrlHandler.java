package dev.abusedesk.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.abusedesk.desk.SlackActions;
import dev.abusedesk.desk.WebRequest;
import dev.abusedesk.desk.WebResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The response desk behind a Lambda function URL (payload format 2.0): the same dashboard,
 * acknowledgement links, customers' response pages ({@code /respond/...}) and Slack buttons as the
 * daemon's, from the same pages in core. The URL's auth type is NONE: the desk's own login, signed
 * links and Slack's request signatures guard it, as on the daemon's listener. Sessions live in the
 * database, so any container answers any visitor.
 *
 * <p>It needs {@code dashboard.link_secret} (a container keeps nothing to sign with) and, for a
 * login, {@code dashboard.users}; without users every page says the desk is closed. After an action
 * on a page, the chat thread is told within a few seconds when it can be, else by the tick.
 */
public final class FunctionUrlHandler implements RequestStreamHandler {

  /** What a page's action may spend sending the change to chat before the page answers. */
  static final Duration INLINE_DELIVERY = Duration.ofSeconds(2);

  private static final System.Logger LOG = System.getLogger(FunctionUrlHandler.class.getName());

  /** An address literal, IPv4 or IPv6, as a function URL gives the source: never a name. */
  private static final Pattern IP =
      Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F]{0,4}:[0-9a-fA-F:.]{1,41}");

  private final Desk desk;
  private final dev.abusedesk.desk.Desk pages;
  private final SlackActions slack;
  private volatile boolean queued;

  public FunctionUrlHandler() {
    this(Desk.shared());
  }

  FunctionUrlHandler(Desk desk) {
    this.desk = desk;
    this.pages =
        desk.installation()
            .desk(desk.pipeline(), dev.abusedesk.desk.Desk.Place.FUNCTION_URL, () -> queued = true)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the http function needs dashboard.link_secret to check acknowledgement"
                            + " links: set it in abusedesk.yaml ({env: DASHBOARD_LINK_SECRET},"
                            + " see docs/deployment/aws.md)"));
    this.slack = new SlackActions(desk.pipeline(), desk.clock(), () -> {});
    if (desk.config().publicUrl().isEmpty()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "the desk function has no public_url: its chat messages carry no links and customers'"
              + " links cannot be re-sent; deploy with DeskPublicUrl set to the DeskUrl output"
              + " (docs/deployment/aws.md)");
    }
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    JsonNode event = Json.read(in);
    if (!"2.0".equals(event.path("version").asText())) {
      // Not a visitor's fault: the function is wired to something other than its URL.
      throw new IllegalArgumentException(
          "not a function URL event (payload format 2.0): version " + event.path("version"));
    }
    WebResponse response;
    try {
      response = answer(event, context);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "the desk failed on " + event.path("rawPath"), e);
      response =
          new WebResponse(
              503,
              secured(
                  List.of(
                      new WebResponse.Header("Content-Type", "text/plain; charset=utf-8"),
                      new WebResponse.Header("Retry-After", "60"))),
              "try again later".getBytes(StandardCharsets.UTF_8));
    }
    Json.answer(out, toJson(response));
  }

  private WebResponse answer(JsonNode event, Context context) {
    Optional<WebRequest> read = request(event);
    if (read.isEmpty()) {
      return plain(400, "bad request");
    }
    WebRequest request = read.get();
    String path = request.path();
    if (path.equals("/slack/actions")) {
      // Slack waits three seconds: the thread hears the change from the tick.
      return request.body().length > SlackActions.MAX_BODY
          ? plain(413, "too large")
          : slack.handle(request);
    }
    boolean respond = path.startsWith("/respond/");
    if (respond || path.equals("/dashboard") || path.startsWith("/dashboard/")) {
      if (request.body().length > dev.abusedesk.desk.Desk.MAX_FORM_BYTES) {
        return plain(413, "too large");
      }
      queued = false;
      WebResponse response = respond ? pages.respond(request) : pages.handle(request);
      if (queued) {
        Duration budget = Deliveries.budget(context, INLINE_DELIVERY);
        try {
          desk.pipeline().deliver(budget);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "the change waits for the tick: " + e);
        }
      }
      return response;
    }
    if (path.equals("/") && ("GET".equals(request.method()) || "HEAD".equals(request.method()))) {
      return new WebResponse(
          303, secured(List.of(new WebResponse.Header("Location", "/dashboard"))), new byte[0]);
    }
    return plain(404, "not found");
  }

  /** The request in a function URL event; empty when it cannot be one a browser sent. */
  static Optional<WebRequest> request(JsonNode event) {
    JsonNode http = event.path("requestContext").path("http");
    String method = http.path("method").asText("");
    String rawPath = event.path("rawPath").asText("");
    String sourceIp = http.path("sourceIp").asText("");
    if (method.isEmpty() || !rawPath.startsWith("/") || !IP.matcher(sourceIp).matches()) {
      return Optional.empty();
    }
    String path;
    InetAddress remote;
    try {
      // After a host, so that "//x/y" stays a path and never becomes an authority.
      path = new URI("https://function.url" + rawPath).getPath();
      // An address literal: no name is looked up.
      remote = InetAddress.getByName(sourceIp);
    } catch (URISyntaxException | IllegalArgumentException | UnknownHostException e) {
      return Optional.empty();
    }
    if (path == null) {
      return Optional.empty();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (var h : event.path("headers").properties()) {
      headers.put(h.getKey(), List.of(h.getValue().asText()));
    }
    // A function URL hands the cookies over apart from the headers.
    List<String> cookies = new ArrayList<>();
    event.path("cookies").forEach(c -> cookies.add(c.asText()));
    headers.remove("cookie");
    if (!cookies.isEmpty()) {
      headers.put("cookie", List.of(String.join("; ", cookies)));
    }
    String text = event.path("body").asText("");
    byte[] body;
    try {
      body =
          event.path("isBase64Encoded").asBoolean(false)
              ? Base64.getDecoder().decode(text)
              : text.getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(
        new WebRequest(
            method.toUpperCase(Locale.ROOT),
            path,
            event.path("rawQueryString").asText(""),
            headers,
            body,
            remote,
            Optional.empty()));
  }

  /** The response as a function URL takes it: cookies apart, text as text, the rest in base64. */
  static ObjectNode toJson(WebResponse response) {
    ObjectNode json = Json.mapper().createObjectNode();
    json.put("statusCode", response.status());
    ObjectNode headers = json.putObject("headers");
    ArrayNode cookies = json.putArray("cookies");
    boolean text = true;
    for (WebResponse.Header h : response.headers()) {
      String name = h.name().toLowerCase(Locale.ROOT);
      if (name.equals("set-cookie")) {
        cookies.add(h.value());
      } else if (headers.has(name)) {
        headers.put(name, headers.get(name).asText() + ", " + h.value());
      } else {
        headers.put(name, h.value());
      }
      if (name.equals("content-type")) {
        String type = h.value().toLowerCase(Locale.ROOT);
        text = type.startsWith("text/") || type.contains("json") || type.contains("javascript");
      }
    }
    if (text) {
      json.put("body", new String(response.body(), StandardCharsets.UTF_8));
      json.put("isBase64Encoded", false);
    } else {
      json.put("body", Base64.getEncoder().encodeToString(response.body()));
      json.put("isBase64Encoded", true);
    }
    return json;
  }

  private static WebResponse plain(int status, String text) {
    return new WebResponse(
        status,
        secured(List.of(new WebResponse.Header("Content-Type", "text/plain; charset=utf-8"))),
        text.getBytes(StandardCharsets.UTF_8));
  }

  /** The headers every answer of this handler carries, as the desk's own pages do. */
  private static List<WebResponse.Header> secured(List<WebResponse.Header> headers) {
    List<WebResponse.Header> all = new ArrayList<>(headers);
    all.add(
        new WebResponse.Header(
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"));
    all.add(new WebResponse.Header("X-Content-Type-Options", "nosniff"));
    all.add(new WebResponse.Header("X-Frame-Options", "DENY"));
    all.add(new WebResponse.Header("Referrer-Policy", "no-referrer"));
    all.add(new WebResponse.Header("Cache-Control", "no-store"));
    return all;
  }
}
