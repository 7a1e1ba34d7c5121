package dev.abusedesk.app.serve;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and how many SMTP/LMTP clients may take.
 *
 * @param idleTimeout the longest wait for any one read from a client
 * @param dataDeadline the longest a whole message (DATA up to its final dot) may take to arrive
 * @param maxSessions sessions at once; the next is answered 421 and closed
 * @param logins how failed AUTH attempts are slowed down and then refused
 */
record SmtpLimits(
    Duration idleTimeout, Duration dataDeadline, int maxSessions, LoginThrottle.Limits logins) {

  SmtpLimits {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(dataDeadline, "dataDeadline");
    Objects.requireNonNull(logins, "logins");
    if (idleTimeout.toMillis() < 1 || dataDeadline.toMillis() < 1 || maxSessions < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /**
   * The daemon's: 30 s for a read, 10 minutes for a message (30 MiB at 50 KiB/s), 100 sessions
   * (mail servers relaying to us open a few), and {@link LoginThrottle.Limits#defaults()}.
   */
  static SmtpLimits defaults() {
    return new SmtpLimits(
        Duration.ofSeconds(30), Duration.ofMinutes(10), 100, LoginThrottle.Limits.defaults());
  }
}
