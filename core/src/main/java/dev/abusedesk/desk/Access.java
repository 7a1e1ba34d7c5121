package dev.abusedesk.desk;

import dev.abusedesk.config.Dashboard;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who may use the dashboard. With users or a token configured, a login is required everywhere.
 * Without, on a loopback listener, the dashboard runs in a clearly labelled local mode (anyone on
 * this machine, acting as {@code local}, as with the CLI); beyond loopback it stays closed.
 */
enum Access {
  LOGIN,
  LOCAL,
  CLOSED;

  /** Headers a proxy adds: a forwarded request comes from anywhere, whatever its socket says. */
  static final List<String> FORWARDED =
      List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP");

  private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern LOOPBACK_V4 =
      Pattern.compile("127\\." + OCTET + "\\." + OCTET + "\\." + OCTET);

  static Access of(Dashboard dashboard, boolean loopback) {
    if (!dashboard.users().isEmpty() || dashboard.token().isPresent()) {
      return LOGIN;
    }
    return loopback ? LOCAL : CLOSED;
  }

  /**
   * Whether local mode answers a request: from this machine, not forwarded, and for a Host that is
   * exactly {@code localhost} or a loopback address with the port it arrived on. A web page that
   * rebinds its own name to 127.0.0.1 still sends that name; a proxy on this machine says so.
   */
  static boolean isLocalRequest(WebRequest request) {
    if (!request.remote().isLoopbackAddress()
        || request.localPort().isEmpty()
        || FORWARDED.stream().anyMatch(request::has)) {
      return false;
    }
    List<String> hosts = request.all("Host");
    return hosts.size() == 1 && isLoopbackHost(hosts.get(0), request.localPort().get());
  }

  /** Whether {@code host} (a Host header) names this machine by address or as localhost. */
  static boolean isLoopbackHost(String host, int port) {
    String name;
    String portText;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close < 0) {
        return false;
      }
      name = host.substring(0, close + 1);
      String rest = host.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        return false;
      }
      portText = rest.isEmpty() ? null : rest.substring(1);
    } else {
      int colon = host.indexOf(':');
      if (colon != host.lastIndexOf(':')) {
        return false;
      }
      name = colon < 0 ? host : host.substring(0, colon);
      portText = colon < 0 ? null : host.substring(colon + 1);
    }
    boolean samePort = portText == null ? port == 80 : portText.equals(Integer.toString(port));
    String lower = name.toLowerCase(Locale.ROOT);
    return samePort
        && (lower.equals("localhost")
            || lower.equals("[::1]")
            || LOOPBACK_V4.matcher(lower).matches());
  }
}
