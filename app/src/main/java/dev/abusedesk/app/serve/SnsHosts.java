package dev.abusedesk.app.serve;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The only URLs an SNS message may send us to, for its certificate or to confirm a subscription:
 * https on the default port, on {@code sns.<region>.amazonaws.com} or, in the China partition,
 * {@code sns.<region>.amazonaws.com.cn}; no user info. Checked before anything is fetched, so a
 * forged message cannot make the daemon call another host.
 */
final class SnsHosts {

  private static final Pattern HOST =
      Pattern.compile("sns\\.[a-z0-9]+(?:-[a-z0-9]+)*\\.amazonaws\\.com(?:\\.cn)?");

  private SnsHosts() {}

  static boolean accepts(URI url) {
    return url.isAbsolute()
        && "https".equalsIgnoreCase(url.getScheme())
        && url.getRawUserInfo() == null
        && (url.getPort() == -1 || url.getPort() == 443)
        && url.getHost() != null
        && HOST.matcher(url.getHost().toLowerCase(Locale.ROOT)).matches();
  }

  /** The URL, or empty when the text is not one. */
  static Optional<URI> parse(String text) {
    try {
      return Optional.of(new URI(text));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
