package dev.abusedesk.health;

/**
 * The Health API could not be used for this poll: every endpoint failed, throttling outlasted the
 * backoff, or the account has no support plan that includes the API. Unwinds one poll; {@link
 * HealthBackstop} turns it into a {@link Poll} value.
 */
final class HealthApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean subscriptionRequired;

  HealthApiException(String message, boolean subscriptionRequired, Throwable cause) {
    super(message, cause);
    this.subscriptionRequired = subscriptionRequired;
  }

  boolean subscriptionRequired() {
    return subscriptionRequired;
  }
}
