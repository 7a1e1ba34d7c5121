package dev.abusedesk.app.serve;

import com.sun.net.httpserver.Headers;
import java.util.Objects;
import java.util.Optional;

/**
 * What the HTTP listener checks of a request before it reads a byte of its body, how much body the
 * route takes, and which threads run its handler. Everything that can be checked from the request
 * line and the headers (the method, the declared length, a token, the headers SNS and Slack always
 * send) is checked first, so that a stranger's body is never read beyond a small cap.
 */
public final class Admission {

  /** Checks the request line and headers; empty when the request may go on to its body. */
  @FunctionalInterface
  interface Check {
    Check NONE = (method, headers) -> Optional.empty();

    Optional<Refusal> refusal(String method, Headers headers);

    default Check and(Check next) {
      return (method, headers) -> {
        Optional<Refusal> refused = refusal(method, headers);
        return refused.isPresent() ? refused : next.refusal(method, headers);
      };
    }
  }

  /** Which executor runs the handler: health and metrics never queue behind database work. */
  enum Lane {
    STATUS,
    WORK
  }

  /** Whether the handler gets the body read in full beforehand or streams it itself. */
  enum Body {
    BUFFERED,
    STREAMED
  }

  static final Check POST =
      (method, headers) ->
          method.equals("POST")
              ? Optional.empty()
              : Optional.of(Refusal.of(405, "use POST").with("Allow", "POST"));

  private final long maxBodyBytes;
  private final Body body;
  private final Lane lane;
  private final Check check;

  private Admission(long maxBodyBytes, Body body, Lane lane, Check check) {
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes must not be negative");
    }
    this.maxBodyBytes = maxBodyBytes;
    this.body = Objects.requireNonNull(body, "body");
    this.lane = Objects.requireNonNull(lane, "lane");
    this.check = Objects.requireNonNull(check, "check");
  }

  /** Dashboard pages and their form posts: any method, a body of at most {@code maxBodyBytes}. */
  public static Admission form(long maxBodyBytes) {
    return new Admission(maxBodyBytes, Body.BUFFERED, Lane.WORK, Check.NONE);
  }

  /**
   * Slack's interactivity requests: POST with both signature headers, which Slack always sends; the
   * handler checks the signature itself once it has the body.
   */
  public static Admission slackSigned(long maxBodyBytes) {
    Check signed =
        (method, headers) ->
            present(headers, "X-Slack-Signature") && present(headers, "X-Slack-Request-Timestamp")
                ? Optional.empty()
                : Optional.of(Refusal.of(401, "bad signature"));
    return new Admission(maxBodyBytes, Body.BUFFERED, Lane.WORK, POST.and(signed));
  }

  static Admission buffered(long maxBodyBytes, Check check) {
    return new Admission(maxBodyBytes, Body.BUFFERED, Lane.WORK, check);
  }

  /** The handler reads the body as it arrives (into the spool), never all of it in memory. */
  static Admission streamed(long maxBodyBytes, Check check) {
    return new Admission(maxBodyBytes, Body.STREAMED, Lane.WORK, check);
  }

  /** Health and metrics: no body, their own threads. */
  static Admission status() {
    return new Admission(0, Body.BUFFERED, Lane.STATUS, Check.NONE);
  }

  /**
   * The refusal of a request before its body, if any: the route's own checks first (method,
   * credentials), then the declared length against the cap.
   *
   * @param contentLength the declared {@code Content-Length}, or -1 without one
   */
  Optional<Refusal> refusal(String method, Headers headers, long contentLength) {
    Optional<Refusal> refused = check.refusal(method, headers);
    if (refused.isPresent()) {
      return refused;
    }
    if (contentLength > maxBodyBytes) {
      return Optional.of(Refusal.tooLarge(maxBodyBytes));
    }
    return Optional.empty();
  }

  long maxBodyBytes() {
    return maxBodyBytes;
  }

  Body body() {
    return body;
  }

  Lane lane() {
    return lane;
  }

  static boolean present(Headers headers, String name) {
    String value = headers.getFirst(name);
    return value != null && !value.isBlank();
  }
}
