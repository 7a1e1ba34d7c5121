package dev.abusedesk.app.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks messages SNS posts to an HTTPS subscription, as AWS documents it ("Verifying the
 * signatures of Amazon SNS messages"): the signature (version 1 SHA1withRSA, version 2
 * SHA256withRSA) over the canonical {@code key\nvalue\n} string of the signed fields, with the
 * certificate from {@code SigningCertURL}, which must be on an SNS host. Beyond that:
 *
 * <ul>
 *   <li>Only topics in {@code sns_topics} are taken, checked before anything is fetched: anyone can
 *       have SNS sign messages of their own topics.
 *   <li>The {@code Timestamp} may be at most 2 hours old and 5 minutes ahead. SNS gives up retrying
 *       an HTTPS delivery after at most an hour, so a genuine delivery is never older; twice that
 *       leaves room for slow attempts and clock skew while bounding replays.
 * </ul>
 */
public final class SnsMessages {

  /** Gets a small document over HTTPS; IOException when it cannot, for whatever reason. */
  @FunctionalInterface
  public interface Fetcher {
    byte[] get(URI url) throws IOException;
  }

  /** What {@link #confirm} did. */
  public sealed interface Confirmation {
    record Confirmed(String topicArn) implements Confirmation {}

    /** Not ours to confirm: another topic, or a URL off SNS's hosts. Nothing was fetched. */
    record Refused(String reason) implements Confirmation {}

    /** SNS did not take the confirmation just now: answer 5xx so that SNS asks again. */
    record Failed(String reason) implements Confirmation {}
  }

  static final Duration MAX_AGE = Duration.ofHours(2);
  static final Duration MAX_AHEAD = Duration.ofMinutes(5);
  private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_FETCH_BYTES = 64 * 1024;

  private static final List<String> NOTIFICATION_FIELDS =
      List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type");
  private static final List<String> CONFIRMATION_FIELDS =
      List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final Set<String> topics;
  private final SnsCertificates certificates;
  private final Fetcher confirmations;
  private final Clock clock;

  /**
   * @param topics the configured {@code sns_topics}
   * @param certificates fetches signing certificates (asked only for URLs on SNS hosts)
   * @param confirmations calls SubscribeURLs (asked only for URLs on SNS hosts)
   */
  public SnsMessages(
      List<String> topics, Fetcher certificates, Fetcher confirmations, Clock clock) {
    this.topics = Set.copyOf(topics);
    this.certificates = new SnsCertificates(certificates);
    this.confirmations = Objects.requireNonNull(confirmations, "confirmations");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Over the network: 10 s timeouts, at most 64 KiB a response, no redirects. */
  public static SnsMessages overHttps(List<String> topics, Clock clock) {
    Fetcher https = new HttpsFetcher(FETCH_TIMEOUT, MAX_FETCH_BYTES);
    return new SnsMessages(topics, https, https, clock);
  }

  /** Checks one POSTed body. Never throws for what the body holds. */
  public SnsMessage verify(byte[] body) {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException e) {
      return new SnsMessage.Rejected("not JSON");
    }
    if (json == null || !json.isObject()) {
      return new SnsMessage.Rejected("not a JSON object");
    }
    for (String field : List.of("Type", "Timestamp", "TopicArn")) {
      if (text(json, field).isEmpty()) {
        return new SnsMessage.Rejected("no " + field);
      }
    }
    String type = text(json, "Type").get();
    String topicArn = text(json, "TopicArn").get();
    boolean notification = type.equals("Notification");
    if (!notification
        && !type.equals("SubscriptionConfirmation")
        && !type.equals("UnsubscribeConfirmation")) {
      return new SnsMessage.Rejected("unknown Type " + printable(type));
    }
    if (!topics.contains(topicArn)) {
      return new SnsMessage.Rejected("topic not configured: " + printable(topicArn));
    }
    Optional<String> stale = stale(text(json, "Timestamp").get());
    if (stale.isPresent()) {
      return new SnsMessage.Rejected(stale.get());
    }
    Map<String, String> signed = new LinkedHashMap<>();
    for (String field : notification ? NOTIFICATION_FIELDS : CONFIRMATION_FIELDS) {
      Optional<String> value = text(json, field);
      if (value.isPresent()) {
        signed.put(field, value.get());
      } else if (!field.equals("Subject")) {
        return new SnsMessage.Rejected("no " + field);
      }
    }
    URI subscribeUrl = null;
    if (!notification) {
      subscribeUrl = SnsHosts.parse(signed.get("SubscribeURL")).orElse(null);
      if (subscribeUrl == null || !SnsHosts.accepts(subscribeUrl)) {
        return new SnsMessage.Rejected("SubscribeURL is not on an SNS host");
      }
    }
    Optional<SnsMessage> refused = refuseSignature(json, signed);
    if (refused.isPresent()) {
      return refused.get();
    }
    return switch (type) {
      case "Notification" ->
          new SnsMessage.Notification(signed.get("Message"), topicArn, signed.get("MessageId"));
      case "SubscriptionConfirmation" ->
          new SnsMessage.SubscriptionConfirmation(topicArn, subscribeUrl);
      default -> new SnsMessage.UnsubscribeConfirmation(topicArn);
    };
  }

  /**
   * Confirms a subscription by calling its SubscribeURL, but only for a configured topic and a URL
   * on an SNS host.
   */
  public Confirmation confirm(SnsMessage.SubscriptionConfirmation message) {
    if (!topics.contains(message.topicArn())) {
      return new Confirmation.Refused("topic not configured: " + printable(message.topicArn()));
    }
    if (!SnsHosts.accepts(message.subscribeUrl())) {
      return new Confirmation.Refused("SubscribeURL is not on an SNS host");
    }
    try {
      confirmations.get(message.subscribeUrl());
      return new Confirmation.Confirmed(message.topicArn());
    } catch (IOException e) {
      return new Confirmation.Failed("SNS did not take the confirmation: " + e.getMessage());
    }
  }

  /**
   * Empty when the signature is good; otherwise why not ({@link SnsMessage.Unavailable} when the
   * certificate could not be fetched). The certificate is fetched only after every cheaper check.
   */
  private Optional<SnsMessage> refuseSignature(JsonNode json, Map<String, String> signed) {
    Optional<String> version = text(json, "SignatureVersion");
    if (version.isEmpty() || !(version.get().equals("1") || version.get().equals("2"))) {
      return rejected("SignatureVersion must be 1 or 2");
    }
    Optional<String> signature = text(json, "Signature");
    if (signature.isEmpty()) {
      return rejected("no Signature");
    }
    byte[] signatureBytes;
    try {
      signatureBytes = Base64.getDecoder().decode(signature.get());
    } catch (IllegalArgumentException e) {
      return rejected("Signature is not base64");
    }
    Optional<URI> certificateUrl = text(json, "SigningCertURL").flatMap(SnsHosts::parse);
    if (certificateUrl.isEmpty() || !SnsHosts.accepts(certificateUrl.get())) {
      return rejected("SigningCertURL is not on an SNS host");
    }
    SnsCertificates.Found found = certificates.find(certificateUrl.get(), clock.instant());
    if (found instanceof SnsCertificates.Found.Unreachable unreachable) {
      return Optional.of(new SnsMessage.Unavailable(unreachable.reason()));
    }
    if (found instanceof SnsCertificates.Found.Unusable unusable) {
      return rejected(unusable.reason());
    }
    X509Certificate certificate = ((SnsCertificates.Found.Usable) found).certificate();
    try {
      Signature verifier =
          Signature.getInstance(version.get().equals("1") ? "SHA1withRSA" : "SHA256withRSA");
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(canonical(signed).getBytes(StandardCharsets.UTF_8));
      return verifier.verify(signatureBytes)
          ? Optional.empty()
          : rejected("the signature does not match");
    } catch (GeneralSecurityException e) {
      return rejected("the signature cannot be checked");
    }
  }

  private static Optional<SnsMessage> rejected(String reason) {
    return Optional.of(new SnsMessage.Rejected(reason));
  }

  private Optional<String> stale(String timestamp) {
    Instant at;
    try {
      at = Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return Optional.of("Timestamp is not an ISO-8601 instant");
    }
    Instant now = clock.instant();
    if (at.isBefore(now.minus(MAX_AGE))) {
      return Optional.of("Timestamp is more than " + MAX_AGE.toHours() + " hours old");
    }
    if (at.isAfter(now.plus(MAX_AHEAD))) {
      return Optional.of("Timestamp is in the future");
    }
    return Optional.empty();
  }

  static String canonical(Map<String, String> signed) {
    StringBuilder text = new StringBuilder();
    signed.forEach((key, value) -> text.append(key).append('\n').append(value).append('\n'));
    return text.toString();
  }

  private static Optional<String> text(JsonNode json, String field) {
    JsonNode node = json.get(field);
    return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  /** Untrusted text in a reason: bounded and printable. */
  private static String printable(String text) {
    String bounded = text.length() > 120 ? text.substring(0, 120) + "..." : text;
    return bounded.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
