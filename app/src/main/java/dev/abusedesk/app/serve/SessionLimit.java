package dev.abusedesk.app.serve;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * At most {@code max} SMTP sessions at once; the next is answered 421 at once and closed. The
 * library's own {@code maxConnections} does that only for 10 connections past its limit and then
 * stops accepting, which leaves clients waiting for a greeting that does not come; so its limit is
 * set far higher and this one does the refusing. An address the {@link LoginThrottle} refuses is
 * answered 421 at once too.
 */
final class SessionLimit implements SessionHandler {

  private final int max;
  private final LoginThrottle logins;
  private final Set<Session> open = ConcurrentHashMap.newKeySet();

  SessionLimit(int max, LoginThrottle logins) {
    this.max = max;
    this.logins = java.util.Objects.requireNonNull(logins, "logins");
  }

  @Override
  public synchronized SessionAcceptance accept(Session session) {
    // Sessions end with their socket closed, whichever way they end; not all of them are
    // reported to onSessionEnd.
    open.removeIf(s -> s.getSocket().isClosed());
    // Before any TLS handshake: an address that has guessed too often costs nothing more.
    if (logins.refuses(MailCommands.Auth.client(session))) {
      return SessionAcceptance.failure(421, MailCommands.Auth.TOO_MANY);
    }
    if (open.size() >= max) {
      return SessionAcceptance.failure(421, "4.7.0 Too many connections, try again later");
    }
    open.add(session);
    return SessionAcceptance.success();
  }

  @Override
  public void onSessionEnd(Session session) {
    open.remove(session);
  }
}
