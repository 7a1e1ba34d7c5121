package dev.abusedesk.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a listener binds: {@code 127.0.0.1:2525}, {@code [::1]:2525}, {@code 0.0.0.0:25}.
 *
 * @param host an IPv4 literal, an IPv6 literal without brackets, or a host name
 */
public record ListenAddress(String host, int port) {

  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern HOST_NAME =
      Pattern.compile(
          "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

  public ListenAddress {
    Objects.requireNonNull(host, "host");
    Ports.require(port);
    if (!isHost(host)) {
      throw new IllegalArgumentException("not a host: " + host);
    }
  }

  /** {@code host:port}, with an IPv6 host in brackets; empty when it is not one. */
  public static Optional<ListenAddress> parse(String text) {
    String host;
    String port;
    if (text.startsWith("[")) {
      int close = text.indexOf("]:");
      if (close < 0) {
        return Optional.empty();
      }
      host = text.substring(1, close);
      port = text.substring(close + 2);
      if (!host.contains(":")) {
        return Optional.empty();
      }
    } else {
      int colon = text.lastIndexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      host = text.substring(0, colon);
      port = text.substring(colon + 1);
      if (host.contains(":")) {
        return Optional.empty();
      }
    }
    if (!port.matches("\\d{1,5}") || !isHost(host)) {
      return Optional.empty();
    }
    int number = Integer.parseInt(port);
    return number < 1 || number > Ports.MAX
        ? Optional.empty()
        : Optional.of(new ListenAddress(host, number));
  }

  /**
   * Whether only this machine can connect: 127.0.0.0/8, ::1 or {@code localhost}. Names other than
   * {@code localhost} are never looked up and count as reachable from outside.
   */
  public boolean isLoopback() {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    Matcher v4 = IPV4.matcher(host);
    if (v4.matches()) {
      return Integer.parseInt(v4.group(1)) == 127;
    }
    return host.contains(":") && ipv6(host).map(InetAddress::isLoopbackAddress).orElse(false);
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  private static boolean isHost(String host) {
    Matcher v4 = IPV4.matcher(host);
    if (v4.matches()) {
      for (int group = 1; group <= 4; group++) {
        if (Integer.parseInt(v4.group(group)) > 255) {
          return false;
        }
      }
      return true;
    }
    if (host.contains(":")) {
      return ipv6(host).isPresent();
    }
    return host.length() <= 253 && HOST_NAME.matcher(host).matches();
  }

  /** An IPv6 literal, parsed without any lookup (a text with ':' is never sent to DNS). */
  private static Optional<InetAddress> ipv6(String host) {
    if (!host.matches("[0-9A-Fa-f:.]+")) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(host.toLowerCase(Locale.ROOT)));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
