package dev.abusedesk.spool;

/** The spool cannot take a message: the sender must keep it and try again later. */
public final class SpoolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SpoolException(String message, Throwable cause) {
    super(message, cause);
  }

  public SpoolException(String message) {
    super(message);
  }
}
