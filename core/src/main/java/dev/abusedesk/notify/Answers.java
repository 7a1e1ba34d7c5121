package dev.abusedesk.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.abusedesk.report.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How HTTP answers read, the same for every tool: 2xx sent, 408/429/5xx worth retrying (after the
 * {@code Retry-After} the tool asked for), any other status refused for good.
 */
final class Answers {

  private Answers() {}

  /** Reasons are one short line: they go to the outbox table and its listing. */
  static final int MAX_REASON = 200;

  /** A tool that asks for a longer wait than this gets this: a day is the whole deadline. */
  static final Duration MAX_WAIT = Duration.ofDays(1);

  static boolean success(Response response) {
    return response.status() >= 200 && response.status() < 300;
  }

  static boolean retryable(int status) {
    return status == 408 || status == 425 || status == 429 || status >= 500;
  }

  /**
   * The usual reading: {@code ref} on success, else retry or fail with the tool's {@code reason}.
   */
  static Delivery classify(Response response, String ref, String reason) {
    if (success(response)) {
      return new Delivery.Sent(ref);
    }
    return notSent(response, reason);
  }

  /** Retry or failure for an answer that is not a success. */
  static Delivery notSent(Response response, String reason) {
    String text = "HTTP " + response.status() + (reason.isBlank() ? "" : ": " + line(reason));
    return retryable(response.status())
        ? new Delivery.Retry(retryAfter(response).orElse(null), text)
        : new Delivery.Failed(text);
  }

  /** The tool's own words, as one bounded line. */
  static String line(String text) {
    return Untrusted.line(text, MAX_REASON, "…");
  }

  /**
   * {@code Retry-After} as seconds or as an HTTP date. A date is read against the answer's own
   * {@code Date} header, so that no clock is needed here and the two clocks cannot disagree.
   */
  static Optional<Duration> retryAfter(Response response) {
    Optional<String> value = response.header("retry-after").map(String::strip);
    if (value.isEmpty() || value.get().isEmpty()) {
      return Optional.empty();
    }
    String text = value.get();
    if (text.chars().allMatch(Character::isDigit)) {
      return text.length() > 9
          ? Optional.of(MAX_WAIT)
          : Optional.of(bounded(Duration.ofSeconds(Long.parseLong(text))));
    }
    return httpDate(text).flatMap(at -> until(response, at.toInstant()));
  }

  /** The wait until {@code at}, by the answer's own {@code Date} header. */
  static Optional<Duration> until(Response response, Instant at) {
    return response
        .header("date")
        .flatMap(Answers::httpDate)
        .map(date -> bounded(Duration.between(date.toInstant(), at)));
  }

  /** A wait in seconds as a tool writes it in JSON ({@code 1.25}), within bounds. */
  static Optional<Duration> seconds(double seconds) {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      return Optional.empty();
    }
    double millis = Math.min(seconds * 1000, MAX_WAIT.toMillis());
    return Optional.of(Duration.ofMillis((long) Math.ceil(millis)));
  }

  /** The answer as JSON, or a missing node when it is not JSON. */
  static JsonNode json(String body) {
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  private static Optional<ZonedDateTime> httpDate(String text) {
    try {
      return Optional.of(ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration bounded(Duration wait) {
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
  }
}
