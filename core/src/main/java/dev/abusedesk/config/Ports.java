package dev.abusedesk.config;

/** TCP ports: 1 to 65535. */
final class Ports {

  static final int MAX = 65_535;

  private Ports() {}

  static int require(int port) {
    if (port < 1 || port > MAX) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    return port;
  }
}
