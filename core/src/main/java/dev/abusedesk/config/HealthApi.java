package dev.abusedesk.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The AWS Health API backstop: polls for abuse events in case a mail or an EventBridge delivery was
 * lost. Needs a Business or Enterprise support plan.
 *
 * @param organizationView read the events of the whole organization (from the management or a
 *     delegated administrator account)
 * @param endpoint overrides the endpoint, for tests and private endpoints
 */
public record HealthApi(
    boolean enabled,
    boolean organizationView,
    Duration interval,
    String region,
    Optional<URI> endpoint) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
  public static final String DEFAULT_REGION = "us-east-1";

  public HealthApi {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(endpoint, "endpoint");
    if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("interval must be at least 1m");
    }
    endpoint.ifPresent(e -> HttpUrl.require(e, "health_api.endpoint"));
  }

  public static HealthApi defaults() {
    return new HealthApi(false, false, DEFAULT_INTERVAL, DEFAULT_REGION, Optional.empty());
  }
}
