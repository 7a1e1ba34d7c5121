package dev.abusedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.Language;
import dev.abusedesk.notify.HttpReceivers.Spec;
import dev.abusedesk.testing.LoopbackHttp;
import dev.abusedesk.testing.LoopbackHttp.Answer;
import dev.abusedesk.testing.LoopbackHttp.Request;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every HTTP receiver kind keeps, against a real loopback server that answers like the
 * tool: success is sent, 5xx and 429 are retried after the wait the tool asks for, other 4xx fail
 * with the tool's reason, no secret ever shows, hostile report text stays inert, and size limits
 * hold. A new kind joins by adding its {@link Spec}.
 */
class ReceiverContractTest {

  private LoopbackHttp server;
  private final HttpTransport http =
      new HttpTransport(Clock.systemUTC(), Duration.ofSeconds(2), Duration.ofSeconds(5));

  @BeforeEach
  void start() {
    server = LoopbackHttp.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static List<Spec> kinds() {
    return HttpReceivers.all();
  }

  private Delivery send(Spec spec, Alert alert, List<String> mentions) {
    Notifier notifier = Notifiers.forKind(spec.kind().apply(server));
    Rendering rendering =
        new Rendering(
            Language.EN, TestReceivers.TOKYO, alert.createdAt(), mentions, Optional.empty());
    Outgoing outgoing = notifier.render(alert, rendering);
    assertThat(outgoing.toString()).doesNotContain(spec.secrets());
    assertThat(notifier.toString()).doesNotContain(spec.secrets());
    return Transport.forKind(spec.kind().apply(server), http, System.out, Clock.systemUTC())
        .send(outgoing);
  }

  private Delivery send(Spec spec) {
    return send(spec, dos(), spec.mentions());
  }

  private static Alert dos() {
    return TestReceivers.alert(TestReceivers.reports("email/ec2-abuse-dos.eml").get(0));
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void isSentWhenTheToolAccepts(Spec spec) {
    server.on(spec.path(), spec.ok());

    Delivery delivery = send(spec);

    assertThat(delivery).isEqualTo(new Delivery.Sent(spec.ref()));
    assertThat(server.requests(spec.path()))
        .singleElement()
        .extracting(Request::method)
        .isEqualTo("POST");
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void isRetriedOnServerErrorsAndRateLimits(Spec spec) {
    for (int status : List.of(500, 502, 503, 504, 429)) {
      server.on(spec.path(), Answer.of(status, "busy"));

      assertThat(send(spec)).as("HTTP %d", status).isInstanceOf(Delivery.Retry.class);
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void waitsAsLongAsRetryAfterSaysInSeconds(Spec spec) {
    server.on(spec.path(), Answer.of(429, "slow down").withHeader("Retry-After", "7"));

    Delivery delivery = send(spec);

    assertThat(delivery).isInstanceOf(Delivery.Retry.class);
    assertThat(((Delivery.Retry) delivery).after()).isEqualTo(Duration.ofSeconds(7));
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void waitsUntilTheDateRetryAfterNames(Spec spec) {
    String inTwoMinutes =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            Instant.now().plusSeconds(120).atZone(ZoneOffset.UTC));
    server.on(spec.path(), Answer.of(503, "maintenance").withHeader("Retry-After", inTwoMinutes));

    Delivery delivery = send(spec);

    assertThat(delivery).isInstanceOf(Delivery.Retry.class);
    assertThat(((Delivery.Retry) delivery).after())
        .isBetween(Duration.ofSeconds(110), Duration.ofSeconds(121));
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void failsForGoodWithTheToolsReasonOnOtherClientErrors(Spec spec) {
    server.on(spec.path(), spec.refused());

    Delivery delivery = send(spec);

    assertThat(delivery).isInstanceOf(Delivery.Failed.class);
    assertThat(((Delivery.Failed) delivery).reason()).contains(spec.refusal());
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void neverShowsItsSecretEvenWhenTheToolEchoesIt(Spec spec) {
    String echo = "unknown credentials: " + String.join(" ", spec.secrets());
    for (int status : List.of(400, 403, 404, 429, 500)) {
      server.on(spec.path(), Answer.of(status, echo));

      Delivery delivery = send(spec);

      assertThat(delivery.toString()).as("HTTP %d", status).doesNotContain(spec.secrets());
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void retriesWithoutItsSecretWhenTheToolCannotBeReached(Spec spec) {
    server.close();

    Delivery delivery = send(spec);

    assertThat(delivery).isInstanceOf(Delivery.Retry.class);
    assertThat(((Delivery.Retry) delivery).reason())
        .startsWith("cannot reach 127.0.0.1")
        .doesNotContain(spec.secrets())
        .doesNotContain(spec.path());
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void keepsHostileReportTextInertAndMentionsOnlyWhatIsConfigured(Spec spec) {
    server.on(spec.path(), spec.ok());
    Alert hostile =
        AlertDraft.of(dos())
            .complaint(HttpReceivers.HOSTILE)
            .resources(List.of(HttpReceivers.HOSTILE))
            .actionsTaken(List.of(HttpReceivers.HOSTILE))
            .owner(HttpReceivers.HOSTILE)
            .note(HttpReceivers.HOSTILE)
            .build();

    assertThat(send(spec, hostile, spec.mentions())).isInstanceOf(Delivery.Sent.class);

    Request request = server.requests(spec.path()).get(0);
    String texts = HttpReceivers.texts(request.header("content-type"), request.body());
    for (String token : spec.inert()) {
      assertThat(texts).as("%s must not carry %s as written", spec, token).doesNotContain(token);
    }
    for (String mention : spec.mentions()) {
      assertThat(texts).as("configured mention").contains(mention);
    }
    assertThat(texts).as("the report's words are still there").contains("toall", "users/all");
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void staysWithinTheToolsSizeLimitsWithAHugeReport(Spec spec) {
    server.on(spec.path(), spec.ok());
    String huge = "flood ".repeat(200_000);
    List<String> many = IntStream.range(0, 500).mapToObj(i -> "i-" + "0".repeat(300) + i).toList();
    Alert alert =
        AlertDraft.of(dos())
            .complaint(huge)
            .resources(many)
            .ips(many)
            .actionsTaken(many)
            .owner(huge)
            .note(huge)
            .build();
    List<String> mentions = Collections.nCopies(200, "<@&222222222222222222>");

    assertThat(send(spec, alert, mentions)).isInstanceOf(Delivery.Sent.class);

    Request request = server.requests(spec.path()).get(0);
    SizeLimits.assertWithin(spec.name(), request);
    assertThat(request.body())
        .as("a visible truncation marker")
        .containsAnyOf("truncated", "…", "more");
  }
}
