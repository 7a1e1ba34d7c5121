package dev.abusedesk.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.abusedesk.testing.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SNS signature checks against messages signed here with a test key, whose certificate a loopback
 * server serves. The fetcher is the seam: it sends what was asked of an SNS host to the loopback
 * server instead, and remembers every URL it was asked for.
 */
class SnsMessagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOPIC = "arn:aws:sns:ap-northeast-1:999900001111:abuse-events";
  private static final String OTHER_TOPIC = "arn:aws:sns:ap-northeast-1:999900001111:other-events";
  private static final String CERT_URL =
      "https://sns.ap-northeast-1.amazonaws.com/SimpleNotificationService-test.pem";
  private static final String SUBSCRIBE_URL =
      "https://sns.ap-northeast-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn="
          + TOPIC
          + "&Token=2336412f37fb687f5d51e6e2425dacbba";

  @TempDir static Path keyDir;
  private static TestKeys sns;
  private static TestKeys stranger;
  private static TestKeys expired;

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
  private final List<URI> asked = new CopyOnWriteArrayList<>();
  private LoopbackServer server;
  private SnsMessages messages;

  @BeforeAll
  static void makeKeys() throws Exception {
    sns = TestKeys.generate(keyDir, "sns", "-1d", 30);
    stranger = TestKeys.generate(keyDir, "stranger", "-1d", 30);
    expired = TestKeys.generate(keyDir, "expired", "-10d", 2);
  }

  @BeforeEach
  void serve() throws Exception {
    server = new LoopbackServer();
    server.answer("/SimpleNotificationService-test.pem", 200, sns.pem());
    server.answer("/", 200, "<ConfirmSubscriptionResponse/>".getBytes(StandardCharsets.UTF_8));
    messages = new SnsMessages(List.of(TOPIC, OTHER_TOPIC), loopback(), loopback(), clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void acceptsANotificationSignedWithVersion1() throws Exception {
    ObjectNode message = notification();
    signed(message, sns, "1");

    assertThat(messages.verify(bytes(message)))
        .isEqualTo(
            new SnsMessage.Notification(
                message.get("Message").asText(), TOPIC, "b7c6f0a2-1d9e-5b3a-9c1e-0e4f7a2d6c81"));
    assertThat(asked).containsExactly(URI.create(CERT_URL));
  }

  @Test
  void acceptsANotificationSignedWithVersion2() throws Exception {
    ObjectNode message = signed(notification(), sns, "2");

    assertThat(messages.verify(bytes(message))).isInstanceOf(SnsMessage.Notification.class);
  }

  @Test
  void signsTheDocumentedCanonicalStringKeyNewlineValueNewline() throws Exception {
    ObjectNode message = notification();
    message.put("Message", "Hello\nworld");
    String canonical =
        "Message\nHello\nworld\n"
            + "MessageId\nb7c6f0a2-1d9e-5b3a-9c1e-0e4f7a2d6c81\n"
            + "Subject\nAbuse report\n"
            + "Timestamp\n"
            + message.get("Timestamp").asText()
            + "\n"
            + "TopicArn\n"
            + TOPIC
            + "\n"
            + "Type\nNotification\n";
    message.put("Subject", "Abuse report");
    message.put("SignatureVersion", "2");
    message.put("Signature", sns.sign(canonical, "2"));

    assertThat(messages.verify(bytes(message)))
        .isInstanceOfSatisfying(
            SnsMessage.Notification.class, n -> assertThat(n.message()).isEqualTo("Hello\nworld"));
  }

  @Test
  void rejectsATamperedMessageSubjectTimestampIdOrTopic() throws Exception {
    ObjectNode original = notification().put("Subject", "AWS Health Event");
    signed(original, sns, "1");

    for (String field : List.of("Message", "Subject", "MessageId")) {
      ObjectNode tampered = original.deepCopy().put(field, original.get(field).asText() + " ");
      assertThat(messages.verify(bytes(tampered)))
          .as(field)
          .isInstanceOf(SnsMessage.Rejected.class);
    }
    ObjectNode later = original.deepCopy().put("Timestamp", now.minusSeconds(59).toString());
    assertThat(messages.verify(bytes(later))).isInstanceOf(SnsMessage.Rejected.class);
    ObjectNode otherTopic = original.deepCopy().put("TopicArn", OTHER_TOPIC);
    assertThat(messages.verify(bytes(otherTopic))).isInstanceOf(SnsMessage.Rejected.class);
    ObjectNode withoutSubject = original.deepCopy();
    withoutSubject.remove("Subject");
    assertThat(messages.verify(bytes(withoutSubject))).isInstanceOf(SnsMessage.Rejected.class);
    assertThat(messages.verify(bytes(original))).isInstanceOf(SnsMessage.Notification.class);
  }

  @Test
  void rejectsASubjectAddedAfterSigning() throws Exception {
    ObjectNode message = signed(notification(), sns, "2").put("Subject", "added");

    assertThat(messages.verify(bytes(message)))
        .isEqualTo(new SnsMessage.Rejected("the signature does not match"));
  }

  @Test
  void rejectsASignatureMadeWithAnotherKey() throws Exception {
    assertThat(messages.verify(bytes(signed(notification(), stranger, "1"))))
        .isEqualTo(new SnsMessage.Rejected("the signature does not match"));
    assertThat(messages.verify(bytes(signed(notification(), stranger, "2"))))
        .isEqualTo(new SnsMessage.Rejected("the signature does not match"));
  }

  @Test
  void rejectsAVersion1SignaturePresentedAsAnotherVersion() throws Exception {
    ObjectNode message = signed(notification(), sns, "1");

    assertThat(messages.verify(bytes(message.deepCopy().put("SignatureVersion", "2"))))
        .isInstanceOf(SnsMessage.Rejected.class);
    assertThat(messages.verify(bytes(message.deepCopy().put("SignatureVersion", "3"))))
        .isEqualTo(new SnsMessage.Rejected("SignatureVersion must be 1 or 2"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example/cert.pem",
        "https://sns.us-east-1.amazonaws.com.evil.example/SimpleNotificationService-test.pem",
        "https://sns.us-east-1.amazonaws.com.cn.evil.example/SimpleNotificationService-test.pem",
        "https://evil.example/sns.us-east-1.amazonaws.com/SimpleNotificationService-test.pem",
        "https://evil.example/?sns.us-east-1.amazonaws.com",
        "http://sns.us-east-1.amazonaws.com/SimpleNotificationService-test.pem",
        "https://sns.us-east-1.amazonaws.com:8443/SimpleNotificationService-test.pem",
        "https://user@sns.us-east-1.amazonaws.com/SimpleNotificationService-test.pem",
        "https://sns.amazonaws.com/SimpleNotificationService-test.pem",
        "https://sqs.us-east-1.amazonaws.com/SimpleNotificationService-test.pem",
        "https://sns.-us-east-1.amazonaws.com/SimpleNotificationService-test.pem",
        "//sns.us-east-1.amazonaws.com/SimpleNotificationService-test.pem",
        "file:///etc/passwd",
        "not a url"
      })
  void rejectsACertificateUrlOffSnsHostsWithoutFetchingIt(String url) throws Exception {
    ObjectNode message = signed(notification().put("SigningCertURL", url), sns, "2");

    assertThat(messages.verify(bytes(message)))
        .isEqualTo(new SnsMessage.Rejected("SigningCertURL is not on an SNS host"));
    assertThat(asked).isEmpty();
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void acceptsRegionsOfEveryPartitionIncludingChina() throws Exception {
    for (String host :
        List.of(
            "sns.us-east-1.amazonaws.com",
            "sns.us-gov-west-1.amazonaws.com",
            "SNS.EU-CENTRAL-1.AMAZONAWS.COM",
            "sns.cn-north-1.amazonaws.com.cn")) {
      String url = "https://" + host + "/SimpleNotificationService-test.pem";
      ObjectNode message = signed(notification().put("SigningCertURL", url), sns, "2");

      assertThat(messages.verify(bytes(message)))
          .as(host)
          .isInstanceOf(SnsMessage.Notification.class);
    }
  }

  @Test
  void rejectsAnExpiredCertificate() throws Exception {
    server.answer("/SimpleNotificationService-test.pem", 200, expired.pem());

    assertThat(messages.verify(bytes(signed(notification(), expired, "2"))))
        .isEqualTo(new SnsMessage.Rejected("the signing certificate is not valid now"));
  }

  @Test
  void rejectsWhatIsNotACertificate() throws Exception {
    server.answer(
        "/SimpleNotificationService-test.pem", 200, "hello".getBytes(StandardCharsets.UTF_8));

    assertThat(messages.verify(bytes(signed(notification(), sns, "2"))))
        .isEqualTo(new SnsMessage.Rejected("the signing certificate is not an X.509 certificate"));
  }

  @Test
  void answersUnavailableWhileTheCertificateCannotBeFetchedThenAcceptsTheRetry() throws Exception {
    server.answer("/SimpleNotificationService-test.pem", 503, new byte[0]);
    byte[] body = bytes(signed(notification(), sns, "2"));

    assertThat(messages.verify(body)).isInstanceOf(SnsMessage.Unavailable.class);

    server.answer("/SimpleNotificationService-test.pem", 200, sns.pem());
    assertThat(messages.verify(body)).isInstanceOf(SnsMessage.Notification.class);
  }

  @Test
  void fetchesEachCertificateOnce() throws Exception {
    messages.verify(bytes(signed(notification(), sns, "1")));
    messages.verify(bytes(signed(notification(), sns, "2")));

    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void takesTimestampsUpToTwoHoursOldAndFiveMinutesAhead() throws Exception {
    assertThat(verifyAt(now.minus(Duration.ofHours(2)).plusSeconds(1)))
        .isInstanceOf(SnsMessage.Notification.class);
    assertThat(verifyAt(now.plus(Duration.ofMinutes(5))))
        .isInstanceOf(SnsMessage.Notification.class);
    assertThat(verifyAt(now.minus(Duration.ofHours(2)).minusSeconds(1)))
        .isEqualTo(new SnsMessage.Rejected("Timestamp is more than 2 hours old"));
    assertThat(verifyAt(now.plus(Duration.ofMinutes(5)).plusSeconds(1)))
        .isEqualTo(new SnsMessage.Rejected("Timestamp is in the future"));
  }

  @Test
  void rejectsTopicsNotConfiguredWithoutFetching() throws Exception {
    ObjectNode message =
        signed(notification().put("TopicArn", "arn:aws:sns:us-east-1:123456789012:x"), sns, "2");

    assertThat(messages.verify(bytes(message)))
        .isEqualTo(
            new SnsMessage.Rejected("topic not configured: arn:aws:sns:us-east-1:123456789012:x"));
    assertThat(asked).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[]",
        "{}",
        "{\"Type\":\"Notification\"}",
        "{\"Type\":\"Notification\",\"TopicArn\":\"" + TOPIC + "\",\"Timestamp\":\"yesterday\"}",
        "{\"Type\":\"Other\",\"TopicArn\":\"" + TOPIC + "\",\"Timestamp\":\"2025-10-14T03:15:03Z\"}"
      })
  void rejectsMalformedBodies(String body) {
    assertThat(messages.verify(body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SnsMessage.Rejected.class);
    assertThat(asked).isEmpty();
  }

  @Test
  void rejectsMissingOrMistypedSignedFields() throws Exception {
    ObjectNode message = signed(notification(), sns, "2");

    for (String field : List.of("Message", "MessageId", "Signature", "SigningCertURL")) {
      ObjectNode without = message.deepCopy();
      without.remove(field);
      assertThat(messages.verify(bytes(without))).as(field).isInstanceOf(SnsMessage.Rejected.class);
      ObjectNode number = message.deepCopy().put(field, 42);
      assertThat(messages.verify(bytes(number))).as(field).isInstanceOf(SnsMessage.Rejected.class);
    }
    assertThat(messages.verify(bytes(message.deepCopy().put("Signature", "***"))))
        .isEqualTo(new SnsMessage.Rejected("Signature is not base64"));
    assertThat(messages.verify(bytes(message))).isInstanceOf(SnsMessage.Notification.class);
  }

  @Test
  void confirmsASubscriptionToAConfiguredTopic() throws Exception {
    ObjectNode message = signed(confirmation("SubscriptionConfirmation", TOPIC), sns, "1");

    SnsMessage verified = messages.verify(bytes(message));

    assertThat(verified)
        .isEqualTo(new SnsMessage.SubscriptionConfirmation(TOPIC, URI.create(SUBSCRIBE_URL)));
    assertThat(messages.confirm((SnsMessage.SubscriptionConfirmation) verified))
        .isEqualTo(new SnsMessages.Confirmation.Confirmed(TOPIC));
    assertThat(server.requests())
        .extracting(URI::getRawQuery)
        .contains(URI.create(SUBSCRIBE_URL).getRawQuery());
    assertThat(verified.toString()).doesNotContain("Token");
  }

  @Test
  void neverConfirmsATopicThatIsNotConfigured() throws Exception {
    String foreign = "arn:aws:sns:us-east-1:123456789012:someone-elses";
    ObjectNode message = signed(confirmation("SubscriptionConfirmation", foreign), sns, "2");

    assertThat(messages.verify(bytes(message))).isInstanceOf(SnsMessage.Rejected.class);
    assertThat(
            messages.confirm(
                new SnsMessage.SubscriptionConfirmation(foreign, URI.create(SUBSCRIBE_URL))))
        .isInstanceOf(SnsMessages.Confirmation.Refused.class);
    assertThat(asked).isEmpty();
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void neverCallsASubscribeUrlOffSnsHosts() throws Exception {
    String evil = "https://evil.example/?Action=ConfirmSubscription";
    ObjectNode message =
        signed(confirmation("SubscriptionConfirmation", TOPIC).put("SubscribeURL", evil), sns, "2");

    assertThat(messages.verify(bytes(message)))
        .isEqualTo(new SnsMessage.Rejected("SubscribeURL is not on an SNS host"));
    assertThat(messages.confirm(new SnsMessage.SubscriptionConfirmation(TOPIC, URI.create(evil))))
        .isEqualTo(new SnsMessages.Confirmation.Refused("SubscribeURL is not on an SNS host"));
    assertThat(asked).isEmpty();
  }

  @Test
  void reportsAConfirmationSnsDidNotTakeAsFailed() throws Exception {
    server.answer("/", 500, new byte[0]);

    assertThat(
            messages.confirm(
                new SnsMessage.SubscriptionConfirmation(TOPIC, URI.create(SUBSCRIBE_URL))))
        .isInstanceOf(SnsMessages.Confirmation.Failed.class);
  }

  @Test
  void recognisesAnUnsubscribeConfirmation() throws Exception {
    ObjectNode message = signed(confirmation("UnsubscribeConfirmation", TOPIC), sns, "2");

    assertThat(messages.verify(bytes(message)))
        .isEqualTo(new SnsMessage.UnsubscribeConfirmation(TOPIC));
  }

  @Test
  void rejectsAConfirmationWhoseTokenWasChanged() throws Exception {
    ObjectNode message = signed(confirmation("SubscriptionConfirmation", TOPIC), sns, "2");

    assertThat(messages.verify(bytes(message.put("Token", "forged"))))
        .isEqualTo(new SnsMessage.Rejected("the signature does not match"));
  }

  @Test
  void fetchesNeitherMoreThanTheBoundNorAcrossRedirects() throws Exception {
    HttpsFetcher fetcher = new HttpsFetcher(Duration.ofSeconds(5), 100);
    server.answer("/big", 200, new byte[101]);
    server.answer("/small", 200, new byte[100]);
    server.answer("/moved", 302, new byte[0]);

    assertThat(fetcher.get(local("/small"))).hasSize(100);
    assertThatThrownBy(() -> fetcher.get(local("/big"))).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> fetcher.get(local("/moved")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("302");
  }

  // --- helpers

  private SnsMessage verifyAt(Instant timestamp) throws Exception {
    return messages.verify(
        bytes(signed(notification().put("Timestamp", timestamp.toString()), sns, "2")));
  }

  /** The production fetcher, sent to the loopback server instead of the SNS host asked for. */
  private SnsMessages.Fetcher loopback() {
    HttpsFetcher http = new HttpsFetcher(Duration.ofSeconds(5), 64 * 1024);
    return url -> {
      asked.add(url);
      String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
      return http.get(local(url.getRawPath() + query));
    };
  }

  private URI local(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  /** The fixture envelope, sent a minute ago, with our certificate URL. */
  private ObjectNode notification() throws IOException {
    ObjectNode message =
        (ObjectNode) JSON.readTree(Fixtures.bytes("health/abuse-dos-sns-envelope.json"));
    message.put("Timestamp", now.minusSeconds(60).plusMillis(118).toString());
    message.put("SigningCertURL", CERT_URL);
    return message;
  }

  private ObjectNode confirmation(String type, String topic) {
    ObjectNode message = JSON.createObjectNode();
    message.put("Type", type);
    message.put("MessageId", "165545c9-2a5c-472c-8df2-7ff2be2b3b1b");
    message.put("Token", "2336412f37fb687f5d51e6e2425dacbba");
    message.put("TopicArn", topic);
    message.put(
        "Message",
        "You have chosen to subscribe to the topic " + topic + ".\nTo confirm, visit the URL.");
    message.put("SubscribeURL", SUBSCRIBE_URL);
    message.put("Timestamp", now.minusSeconds(5).toString());
    message.put("SigningCertURL", CERT_URL);
    return message;
  }

  /** Signs the fields SNS signs for the message's type, the way the AWS documentation says. */
  private static ObjectNode signed(ObjectNode message, TestKeys keys, String version)
      throws Exception {
    List<String> fields =
        message.get("Type").asText().equals("Notification")
            ? List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type")
            : List.of(
                "Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");
    StringBuilder canonical = new StringBuilder();
    for (String field : fields) {
      if (message.hasNonNull(field)) {
        canonical.append(field).append('\n').append(message.get(field).asText()).append('\n');
      }
    }
    message.put("SignatureVersion", version);
    message.put("Signature", keys.sign(canonical.toString(), version));
    return message;
  }

  private static byte[] bytes(ObjectNode message) throws IOException {
    return JSON.writeValueAsBytes(message);
  }
}
