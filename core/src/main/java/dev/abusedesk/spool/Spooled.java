package dev.abusedesk.spool;

import java.util.Objects;

/** The outcome of offering a message to the spool. Only {@link Accepted} may be acknowledged. */
public sealed interface Spooled permits Spooled.Accepted, Spooled.TooLarge, Spooled.Failed {

  /** On disk, durably: the sender may be told the message was accepted. */
  record Accepted(SpoolEntry entry) implements Spooled {
    public Accepted {
      Objects.requireNonNull(entry, "entry");
    }
  }

  /** Larger than the intake takes; nothing was kept. A permanent refusal. */
  record TooLarge(long maxBytes) implements Spooled {}

  /** Not on disk (full disk, I/O error): a temporary failure, the sender must retry. */
  record Failed(String reason) implements Spooled {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
