package dev.abusedesk.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** The one rule for URLs in the configuration: absolute, http or https, with a host. */
final class HttpUrl {

  private HttpUrl() {}

  static Optional<URI> parse(String text) {
    try {
      URI uri = new URI(text);
      return isHttp(uri) ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  static boolean isHttp(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return (scheme.equals("http") || scheme.equals("https"))
        && uri.getHost() != null
        && !uri.getHost().isEmpty();
  }

  /** {@code uri}, or an exception naming {@code what} but not the URL (it may be a credential). */
  static URI require(URI uri, String what) {
    if (!isHttp(uri)) {
      throw new IllegalArgumentException(what + " must be an http or https URL");
    }
    return uri;
  }

  /** The URL a secret holds; the secret was checked when the configuration was read. */
  static URI of(Secret secret, String what) {
    return parse(secret.reveal())
        .orElseThrow(() -> new IllegalArgumentException(what + " must be an http or https URL"));
  }

  /**
   * Checks the URL a secret holds as a record is built; one that could not be read (see {@link
   * SecretCheck#WHEN_USED}) fails where it is used instead.
   */
  static void check(Secret secret, String what) {
    if (secret.problem().isEmpty()) {
      of(secret, what);
    }
  }
}
