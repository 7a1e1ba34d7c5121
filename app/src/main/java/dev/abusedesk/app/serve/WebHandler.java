package dev.abusedesk.app.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.abusedesk.desk.WebRequest;
import dev.abusedesk.desk.WebResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The listener's exchange as the desk's request and response values: the same pages answer here and
 * behind a Lambda function URL.
 */
public final class WebHandler implements HttpHandler {

  private final Function<WebRequest, WebResponse> pages;
  private final int maxBody;

  /**
   * @param maxBody the most body bytes read; the route's admission refuses larger ones before, so
   *     this only bounds what a handler could be handed by mistake
   */
  public WebHandler(Function<WebRequest, WebResponse> pages, int maxBody) {
    this.pages = Objects.requireNonNull(pages, "pages");
    this.maxBody = maxBody;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(maxBody + 1);
    }
    String query = exchange.getRequestURI().getRawQuery();
    WebRequest request =
        new WebRequest(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            query == null ? "" : query,
            exchange.getRequestHeaders(),
            body,
            exchange.getRemoteAddress().getAddress(),
            Optional.of(exchange.getLocalAddress().getPort()));
    WebResponse response = pages.apply(request);
    for (WebResponse.Header h : response.headers()) {
      exchange.getResponseHeaders().add(h.name(), h.value());
    }
    byte[] bytes = response.body();
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
