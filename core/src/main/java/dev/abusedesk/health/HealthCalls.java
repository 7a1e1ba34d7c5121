package dev.abusedesk.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.health.HealthClient;

/**
 * Calls to the Health API through the AWS SDK: throttled calls are retried with exponential backoff
 * and jitter, and a failing endpoint (unreachable, 5xx) hands over to the next one. The SDK's own
 * retries are off, so that both are decided here, once.
 */
final class HealthCalls implements AutoCloseable {

  static final int MAX_THROTTLED = 8;
  static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(20);
  static final String SUBSCRIPTION_REQUIRED =
      "the AWS Health API needs a Business, Enterprise On-Ramp or Enterprise support plan";
  private static final System.Logger LOG = System.getLogger(HealthCalls.class.getName());

  private final List<HealthEndpoints.Endpoint> endpoints;
  private final AwsCredentialsProvider credentials;
  private final HealthBackstop.Sleeper sleeper;
  private final SdkHttpClient http;
  private final Map<HealthEndpoints.Endpoint, HealthClient> clients = new LinkedHashMap<>();
  private int current;
  private int throttled;

  /** Calls for one poll: the endpoints in the order resolved for it. */
  HealthCalls(
      List<HealthEndpoints.Endpoint> endpoints,
      AwsCredentialsProvider credentials,
      HealthBackstop.Sleeper sleeper) {
    this.endpoints = List.copyOf(endpoints);
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.http =
        UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(Duration.ofSeconds(30))
            .build();
    if (this.endpoints.isEmpty()) {
      throw new IllegalArgumentException("at least one endpoint");
    }
  }

  /** How many throttled answers were waited out: for tests and logs. */
  int throttled() {
    return throttled;
  }

  /** The endpoint calls go to now. */
  HealthEndpoints.Endpoint endpoint() {
    return endpoints.get(current);
  }

  /** Makes one API call, on the current endpoint or, when it fails, the next ones. */
  <T> T call(String operation, Function<HealthClient, T> call) {
    RuntimeException last = null;
    for (int tried = 0; tried < endpoints.size(); tried++) {
      HealthEndpoints.Endpoint endpoint = endpoints.get(current);
      try {
        return withBackoff(operation, client(endpoint), call);
      } catch (SdkClientException e) {
        last = e;
      } catch (AwsServiceException e) {
        if (isSubscriptionRequired(e)) {
          throw new HealthApiException(SUBSCRIPTION_REQUIRED, true, e);
        }
        if (e.statusCode() < 500) {
          throw new HealthApiException(
              operation + " refused by " + endpoint.uri() + ": " + describe(e), false, e);
        }
        last = e;
      }
      int next = (current + 1) % endpoints.size();
      LOG.log(
          System.Logger.Level.WARNING,
          "Health API {0} failed on {1} ({2}); trying {3}",
          operation,
          endpoint.uri(),
          last.getMessage(),
          endpoints.get(next).uri());
      current = next;
    }
    throw new HealthApiException(
        "every Health API endpoint failed for " + operation + ": " + last.getMessage(),
        false,
        last);
  }

  private <T> T withBackoff(String operation, HealthClient client, Function<HealthClient, T> call) {
    for (int attempt = 0; ; attempt++) {
      try {
        return call.apply(client);
      } catch (AwsServiceException e) {
        if (!isThrottling(e)) {
          throw e;
        }
        if (attempt + 1 >= MAX_THROTTLED) {
          throw new HealthApiException(
              operation + " still throttled after " + MAX_THROTTLED + " attempts", false, e);
        }
        throttled++;
        pause(backoff(attempt));
      }
    }
  }

  /** Full jitter: a random wait up to the exponential bound. */
  static Duration backoff(int attempt) {
    long bound = FIRST_BACKOFF.toMillis() << Math.min(attempt, 16);
    bound = Math.min(bound, MAX_BACKOFF.toMillis());
    return Duration.ofMillis(bound / 2 + ThreadLocalRandom.current().nextLong(bound / 2 + 1));
  }

  private void pause(Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HealthApiException("interrupted while backing off", false, e);
    }
  }

  static boolean isThrottling(AwsServiceException e) {
    String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    return e.isThrottlingException()
        || e.statusCode() == 429
        || "ThrottlingException".equals(code)
        || "TooManyRequestsException".equals(code);
  }

  static boolean isSubscriptionRequired(AwsServiceException e) {
    return e.awsErrorDetails() != null
        && "SubscriptionRequiredException".equals(e.awsErrorDetails().errorCode());
  }

  private static String describe(AwsServiceException e) {
    return e.awsErrorDetails() == null
        ? e.getMessage()
        : e.awsErrorDetails().errorCode() + " " + e.awsErrorDetails().errorMessage();
  }

  private HealthClient client(HealthEndpoints.Endpoint endpoint) {
    return clients.computeIfAbsent(
        endpoint,
        e ->
            HealthClient.builder()
                .region(Region.of(e.region()))
                .endpointOverride(e.uri())
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(
                    o ->
                        o.retryStrategy(AwsRetryStrategy.doNotRetry())
                            .apiCallTimeout(Duration.ofSeconds(60)))
                .build());
  }

  /** Every page of a paged call: {@code page} takes the token (null first) and answers one. */
  static <P, T> List<T> pages(
      Function<String, P> page, Function<P, List<T>> items, Function<P, String> nextToken) {
    List<T> all = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      P answer = page.apply(token);
      all.addAll(items.apply(answer));
      token = nextToken.apply(answer);
      if (++pages > 10_000) {
        throw new HealthApiException("more than 10000 pages: the API keeps paging", false, null);
      }
    } while (token != null && !token.isEmpty());
    return all;
  }

  @Override
  public void close() {
    clients.values().forEach(HealthClient::close);
    http.close();
  }
}
