package dev.abusedesk.app.desk;

import dev.abusedesk.config.Dashboard;

/**
 * Who may use the dashboard. With users or a token configured, a login is required everywhere.
 * Without, on a loopback listener, the dashboard runs in a clearly labelled local mode (anyone on
 * this machine, acting as {@code local}, as with the CLI); beyond loopback it stays closed.
 */
enum Access {
  LOGIN,
  LOCAL,
  CLOSED;

  static Access of(Dashboard dashboard, boolean loopback) {
    if (!dashboard.users().isEmpty() || dashboard.token().isPresent()) {
      return LOGIN;
    }
    return loopback ? LOCAL : CLOSED;
  }
}
