package dev.abusedesk.app.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * A small bounded GET: a timeout, no redirects (a redirect could lead off the host that was
 * checked), 200 only, and at most {@code maxBytes} of body.
 */
final class HttpsFetcher implements SnsMessages.Fetcher {

  private final HttpClient client;
  private final Duration timeout;
  private final int maxBytes;

  HttpsFetcher(Duration timeout, int maxBytes) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.maxBytes = maxBytes;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public byte[] get(URI url) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted fetching from " + url.getHost());
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode() + " from " + url.getHost());
      }
      byte[] bytes = body.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new IOException("more than " + maxBytes + " bytes from " + url.getHost());
      }
      return bytes;
    }
  }
}
