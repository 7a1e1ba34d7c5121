package dev.abusedesk.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.abusedesk.config.Intake;
import dev.abusedesk.config.ListenAddress;
import dev.abusedesk.config.Secret;
import dev.abusedesk.spool.FileSpool;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP listener against clients that misbehave, over raw sockets: what can be refused from the
 * head is refused before a byte of the body is read, bodies are capped, slow clients are cut off at
 * their deadlines, and health answers while every handler thread is busy. The intake routes are the
 * daemon's own, on a real spool.
 */
class HttpListenerTest {

  static final String TOPIC = "arn:aws:sns:ap-northeast-1:999900001111:abuse-events";
  static final String TOKEN = "intake-token-0123456789";
  static final long MAX_MAIL = 4L << 20;
  static final int THIRTY_MIB = 30 << 20;

  /** Short deadlines, so that the tests wait seconds rather than the daemon's quarter minutes. */
  static final HttpLimits LIMITS =
      new HttpLimits(
          Duration.ofSeconds(5),
          Duration.ofSeconds(2),
          Duration.ofSeconds(2),
          Duration.ofSeconds(3),
          50,
          2,
          8L << 20,
          2,
          2);

  @TempDir Path dir;
  FileSpool spool;
  HttpListener listener;
  final CountDownLatch release = new CountDownLatch(1);
  final ExecutorService clients = Executors.newCachedThreadPool();

  @BeforeEach
  void start() {
    spool = FileSpool.open(dir, Clock.systemUTC());
    Intake.Http settings =
        new Intake.Http(
            new ListenAddress("127.0.0.1", 8080),
            Optional.of(Secret.of(TOKEN)),
            List.of(TOPIC),
            MAX_MAIL);
    SnsMessages offline =
        new SnsMessages(
            List.of(TOPIC),
            url -> {
              throw new IOException("offline");
            },
            url -> {
              throw new IOException("offline");
            },
            Clock.systemUTC());
    HttpIntake intake = new HttpIntake(settings, spool, () -> {}, new SnsIntake(offline));
    List<Route> routes = new ArrayList<>(Routes.intake(intake, settings));
    routes.add(
        new Route(
            "/healthz",
            Admission.status(),
            Routes.guarded(exchange -> Requests.json(exchange, 200, "{\"status\":\"ok\"}"))));
    routes.add(
        new Route(
            "/slack/actions",
            Admission.slackSigned(64 * 1024),
            Routes.guarded(
                exchange -> {
                  int length = exchange.getRequestBody().readAllBytes().length;
                  Requests.json(exchange, 200, "{\"read\":" + length + "}");
                })));
    routes.add(
        new Route(
            "/slow",
            Admission.form(1024),
            Routes.guarded(
                exchange -> {
                  try {
                    release.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  Requests.json(exchange, 200, "{}");
                })));
    routes.add(Routes.notFound());
    listener = HttpListener.start("127.0.0.1", 0, routes, LIMITS);
  }

  @AfterEach
  void stop() {
    release.countDown();
    clients.shutdownNow();
    listener.close();
  }

  @Test
  void aBodyDeclaredLargerThanTheCapIsRefusedWith413BeforeAByteOfItIsSent() throws Exception {
    try (RawHttp client = new RawHttp(listener.port())) {
      client.head(
          "POST /intake/sns HTTP/1.1",
          "x-amz-sns-message-type: Notification",
          "x-amz-sns-topic-arn: " + TOPIC,
          "Content-Length: " + THIRTY_MIB);

      RawHttp.Answer answer = client.answer();

      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.headers()).containsEntry("connection", "close");
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void anSnsPostWithoutItsHeadersOrForAnotherTopicIsRefusedBeforeItsBodyIsRead() throws Exception {
    try (RawHttp client = new RawHttp(listener.port())) {
      client.head("POST /intake/sns HTTP/1.1", "Content-Length: 100000");
      assertThat(client.answer().status()).isEqualTo(400);
    }
    try (RawHttp client = new RawHttp(listener.port())) {
      client.head(
          "POST /intake/sns HTTP/1.1",
          "x-amz-sns-message-type: Notification",
          "x-amz-sns-topic-arn: arn:aws:sns:us-east-1:123456789012:someone-else",
          "Content-Length: 100000");
      assertThat(client.answer().status()).isEqualTo(403);
    }
  }

  @Test
  void anSnsPostWithItsHeadersIsReadAndItsSignatureChecked() throws Exception {
    try (RawHttp client = new RawHttp(listener.port())) {
      client.head(
          "POST /intake/sns HTTP/1.1",
          "x-amz-sns-message-type: Notification",
          "x-amz-sns-topic-arn: " + TOPIC,
          "Content-Length: 2");
      client.send("{}");

      RawHttp.Answer answer = client.answer();

      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.body()).contains("not a valid SNS message");
    }
    assertThat(spool.pending()).isEmpty();
  }

  @Test
  void aSlackPostWithoutItsSignatureHeadersIsRefusedBeforeItsBodyIsRead() throws Exception {
    try (RawHttp client = new RawHttp(listener.port())) {
      client.head(
          "POST /slack/actions HTTP/1.1",
          "X-Slack-Request-Timestamp: 1760418000",
          "Content-Length: 100000");
      assertThat(client.answer().status()).isEqualTo(401);
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void aTokenRouteRefusesAMissingOrWrongTokenBeforeTheBody() throws Exception {
    try (RawHttp client = new RawHttp(listener.port())) {
      client.head("POST /intake/email HTTP/1.1", "Content-Length: " + THIRTY_MIB);
      RawHttp.Answer answer = client.answer();
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.headers()).containsEntry("www-authenticate", "Bearer");
    }
    try (RawHttp client = new RawHttp(listener.port())) {
      client.head(
          "POST /intake/eventbridge HTTP/1.1",
          "Authorization: Bearer not-the-token",
          "Transfer-Encoding: chunked");
      assertThat(client.answer().status()).isEqualTo(403);
    }
  }

  @Test
  void aChunkedBodyOverTheCapIsRefusedWith413WithoutBeingReadToItsEnd() throws Exception {
    AtomicLong sent = new AtomicLong();
    try (RawHttp client = new RawHttp(listener.port())) {
      client.head(
          "POST /intake/sns HTTP/1.1",
          "x-amz-sns-message-type: Notification",
          "x-amz-sns-topic-arn: " + TOPIC,
          "Transfer-Encoding: chunked");
      Future<?> sending =
          clients.submit(
              () -> {
                byte[] chunk = new byte[64 * 1024];
                while (sent.get() < THIRTY_MIB) {
                  client.chunk(chunk);
                  sent.addAndGet(chunk.length);
                }
                return client.lastChunk();
              });

      RawHttp.Answer answer = client.answer();

      assertThat(answer.status()).isEqualTo(413);
      assertThat(client.closedByServer()).isTrue();
      assertThatThrownBy(() -> sending.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(IOException.class);
    }
    assertThat(sent.get()).isLessThan(THIRTY_MIB);
  }

  @Test
  void aTricklingBodyIsAnswered408AndClosedAtItsDeadline() throws Exception {
    try (RawHttp client = new RawHttp(listener.port())) {
      client.head(
          "POST /slack/actions HTTP/1.1",
          "X-Slack-Signature: v0=00",
          "X-Slack-Request-Timestamp: 1760418000",
          "Content-Length: 1000");
      long started = System.nanoTime();
      Future<?> trickling =
          clients.submit(
              () -> {
                for (int i = 0; i < 1000; i++) {
                  client.send("a");
                  Thread.sleep(200);
                }
                return null;
              });

      RawHttp.Answer answer = client.answer();
      Duration held = Duration.ofNanos(System.nanoTime() - started);

      assertThat(answer.status()).isEqualTo(408);
      assertThat(client.closedByServer()).isTrue();
      assertThat(held).isGreaterThanOrEqualTo(LIMITS.bodyDeadline().minusMillis(100));
      trickling.cancel(true);
    }
  }

  @Test
  void aHeadTrickledPastItsDeadlineIsClosed() throws Exception {
    try (RawHttp client = new RawHttp(listener.port())) {
      client.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      Future<?> trickling =
          clients.submit(
              () -> {
                for (int i = 0; i < 1000; i++) {
                  client.send("X-Slow: " + i + "\r\n");
                  Thread.sleep(200);
                }
                return null;
              });

      assertThat(client.closedByServer()).isTrue();
      trickling.cancel(true);
    }
  }

  @Test
  void healthAnswersWhileEveryHandlerThreadIsBusyAndTheRestAreTurnedAway() throws Exception {
    List<Future<Integer>> slow = new ArrayList<>();
    for (int i = 0; i < LIMITS.handlers() + LIMITS.waiting(); i++) {
      slow.add(clients.submit(() -> get("/slow").status()));
    }
    Thread.sleep(500);

    RawHttp.Answer turnedAway = get("/slow");
    RawHttp.Answer health = get("/healthz");

    assertThat(turnedAway.status()).isEqualTo(503);
    assertThat(turnedAway.headers()).containsEntry("retry-after", "60");
    assertThat(health.status()).isEqualTo(200);
    release.countDown();
    for (Future<Integer> answer : slow) {
      assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    }
  }

  @Test
  void aBodyWithinItsCapReachesTheHandlerWhole() throws Exception {
    byte[] body = "payload=".concat("x".repeat(40_000)).getBytes(StandardCharsets.US_ASCII);
    try (RawHttp client = new RawHttp(listener.port())) {
      client.head(
          "POST /slack/actions HTTP/1.1",
          "X-Slack-Signature: v0=00",
          "X-Slack-Request-Timestamp: 1760418000",
          "Transfer-Encoding: chunked");
      client.chunk(java.util.Arrays.copyOf(body, 10_000));
      client.chunk(java.util.Arrays.copyOfRange(body, 10_000, body.length)).lastChunk();

      RawHttp.Answer answer = client.answer();

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("{\"read\":" + body.length + "}");
    }
  }

  @Test
  void refusesToStartOnAPortInUseWithALineNamingTheAddress() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(
              () -> HttpListener.start("127.0.0.1", taken.getLocalPort(), List.of(), LIMITS))
          .isInstanceOf(IntakeException.class)
          .hasMessageStartingWith("cannot listen for HTTP on 127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("in use");
    }
  }

  private RawHttp.Answer get(String path) throws IOException {
    try (RawHttp client = new RawHttp(listener.port())) {
      client.head("GET " + path + " HTTP/1.1", "Connection: close");
      return client.answer();
    }
  }
}
