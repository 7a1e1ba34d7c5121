package dev.abusedesk.app.serve;

import java.time.Instant;
import java.util.Objects;

/**
 * A part of the daemon that must keep working: an intake listener, a poller, one of the loops. The
 * daemon asks each how it is every few seconds; {@code /healthz} reports the troubled ones, and a
 * dead one (its thread is gone) ends the process, so that the service manager starts a whole one.
 */
interface Supervised {

  /** Its name in reports: {@code smtp 127.0.0.1:2525}, {@code loop deliver}. */
  String name();

  Condition condition(Instant now);

  /** How a part is. */
  sealed interface Condition {
    /** Working as it should. */
    record Working() implements Condition {}

    /** Running but not doing its job (a mailbox that refuses logins, a loop that keeps failing). */
    record Troubled(String reason) implements Condition {
      public Troubled {
        Objects.requireNonNull(reason, "reason");
      }
    }

    /** Its thread is gone: nothing will bring it back but a restart. */
    record Dead(String reason) implements Condition {
      public Dead {
        Objects.requireNonNull(reason, "reason");
      }
    }

    Condition WORKING = new Working();
  }
}
