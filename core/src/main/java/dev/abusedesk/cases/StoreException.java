package dev.abusedesk.cases;

/** The store cannot be reached or used: a temporary condition, or a broken database. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
