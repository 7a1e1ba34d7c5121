package dev.abusedesk.cases;

import dev.abusedesk.config.Language;
import java.time.Duration;
import java.util.Optional;

/**
 * The dashboard's sessions, shared by every daemon and Lambda sandbox serving it: a session opened
 * by one is found by all.
 */
public interface DeskSessions {

  /**
   * A new session with a fresh random ID and CSRF token.
   *
   * @param user who logged in; empty for a visitor of an acknowledgement link
   * @param lifetime how long it lasts from now; positive
   */
  DeskSession open(Optional<String> user, Language language, Duration lifetime);

  /** The live session with this ID: empty for null, unknown or expired (an expired one is gone). */
  Optional<DeskSession> find(String id);

  /** Keeps the session's new language; a session closed or expired meanwhile stays gone. */
  void update(DeskSession session);

  /** Ends the session with this ID; nothing for null or unknown. */
  void close(String id);
}
