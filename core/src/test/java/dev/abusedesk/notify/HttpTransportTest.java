package dev.abusedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.testing.LoopbackHttp;
import dev.abusedesk.testing.LoopbackHttp.Answer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpTransportTest {

  private static final Notifier PLAIN = new ConsoleNotifier();

  private static Outgoing.HttpCall post(URI uri) {
    return new Outgoing.HttpCall("POST", uri, Map.of("Authorization", "Bearer tok-SECRET-1"), "{}");
  }

  @Test
  void readsAtMost16KibOfAnAnswer() throws Exception {
    try (LoopbackHttp server = LoopbackHttp.start()) {
      server.on("/big", Answer.of(200, "x".repeat(1_000_000)));

      Response response = new HttpTransport(Clock.systemUTC()).exchange(post(server.uri("/big")));

      assertThat(response.body()).hasSize(HttpTransport.MAX_BODY);
    }
  }

  @Test
  void retriesWhenTheAnswerTakesTooLong() {
    try (LoopbackHttp server = LoopbackHttp.start()) {
      server.on("/slow", Answer.of(200, "ok").after(Duration.ofSeconds(3)));
      HttpTransport impatient =
          new HttpTransport(Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofMillis(300));

      Delivery delivery = impatient.send(post(server.uri("/slow")), PLAIN);

      assertThat(delivery).isEqualTo(new Delivery.Retry(null, "cannot reach 127.0.0.1: timed out"));
    }
  }

  @Test
  void sendsTheHeadersAndBodyAsRendered() {
    try (LoopbackHttp server = LoopbackHttp.start()) {
      new HttpTransport(Clock.systemUTC())
          .send(
              new Outgoing.HttpCall(
                  "POST", server.uri("/x?a=1"), Map.of("X-One", "1"), "{\"k\":\"日本語\"}"),
              PLAIN);

      LoopbackHttp.Request request = server.requests("/x").get(0);
      assertThat(request.query()).isEqualTo("a=1");
      assertThat(request.header("x-one")).isEqualTo("1");
      assertThat(request.body()).isEqualTo("{\"k\":\"日本語\"}");
    }
  }

  @Test
  void followsNoRedirectWithItsCredentials() {
    try (LoopbackHttp server = LoopbackHttp.start()) {
      server.on(
          "/moved", Answer.of(307, "").withHeader("Location", server.uri("/elsewhere").toString()));

      Delivery delivery =
          new HttpTransport(Clock.systemUTC()).send(post(server.uri("/moved")), PLAIN);

      assertThat(delivery).isInstanceOf(Delivery.Failed.class);
      assertThat(server.requests("/elsewhere")).isEmpty();
    }
  }

  @Test
  void readsRetryAfterDatesAgainstItsClockWhenTheServerSendsNoDate() {
    Response answer =
        new Response(
            503,
            Map.of(
                "retry-after", java.util.List.of("Mon, 20 Oct 2025 00:01:00 GMT"),
                "date", java.util.List.of("Mon, 20 Oct 2025 00:00:00 GMT")),
            "");

    assertThat(Answers.retryAfter(answer)).contains(Duration.ofSeconds(60));
    assertThat(
            Answers.retryAfter(
                new Response(503, Map.of("retry-after", java.util.List.of("99999999999")), "")))
        .contains(Answers.MAX_WAIT);
  }

  @Test
  void masksEveryPartOfTheCallThatAnAnswerEchoes() {
    Outgoing.HttpCall call =
        new Outgoing.HttpCall(
            "POST",
            URI.create("https://hooks.example/services/T1/B2/abcdefSECRET?token=qwerty123"),
            Map.of("Authorization", "Bearer tok-SECRET-1", "Content-Type", "application/json"),
            "{}");

    String masked =
        HttpTransport.mask(
            "bad abcdefSECRET qwerty123 tok-SECRET-1 https://hooks.example/services/T1/B2/abcdefSECRET?token=qwerty123 application/json hooks.example",
            call);

    assertThat(masked).isEqualTo("bad *** *** *** *** application/json hooks.example");
  }

  @Test
  void datesAnAnswerWithoutADateHeaderFromItsClock() throws Exception {
    try (LoopbackHttp server = LoopbackHttp.start()) {
      Clock fixed = Clock.fixed(Instant.parse("2025-10-20T00:00:00Z"), ZoneOffset.UTC);

      Response response = new HttpTransport(fixed).exchange(post(server.uri("/")));

      assertThat(response.header("date")).isPresent();
    }
  }
}
