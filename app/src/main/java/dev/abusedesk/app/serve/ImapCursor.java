package dev.abusedesk.app.serve;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far the IMAP poller got in a folder, kept in the store: the folder's UIDVALIDITY, the highest
 * UID taken, and whether that message was settled (marked seen or moved) after it was spooled.
 * Stored as {@code <uidvalidity>:<uid>:spooled|settled}.
 */
record ImapCursor(long uidValidity, long uid, boolean settled) {

  private static final Pattern TEXT = Pattern.compile("(\\d{1,10}):(\\d{1,10}):(spooled|settled)");

  ImapCursor {
    if (uidValidity < 0 || uid < 0) {
      throw new IllegalArgumentException("UIDVALIDITY and UID are unsigned");
    }
  }

  static Optional<ImapCursor> parse(String text) {
    Matcher m = TEXT.matcher(text);
    return m.matches()
        ? Optional.of(
            new ImapCursor(
                Long.parseLong(m.group(1)),
                Long.parseLong(m.group(2)),
                m.group(3).equals("settled")))
        : Optional.empty();
  }

  String text() {
    return uidValidity + ":" + uid + ":" + (settled ? "settled" : "spooled");
  }
}
