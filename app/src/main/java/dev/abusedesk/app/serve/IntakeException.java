package dev.abusedesk.app.serve;

/** An intake listener cannot start: the address is taken, not local, or not a host. */
public final class IntakeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  IntakeException(String message, Throwable cause) {
    super(message, cause);
  }
}
