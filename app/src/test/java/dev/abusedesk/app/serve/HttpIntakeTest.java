package dev.abusedesk.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.Intake;
import dev.abusedesk.config.ListenAddress;
import dev.abusedesk.config.Secret;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.spool.SpoolEntry;
import dev.abusedesk.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP intake endpoints behind the listener, on a real spool: raw mail streams into the spool
 * (never held whole), and only what the spool accepted is acknowledged.
 */
class HttpIntakeTest {

  @TempDir Path dir;
  FileSpool spool;
  HttpListener listener;
  final AtomicInteger wakeUps = new AtomicInteger();
  final ExecutorService answers = Executors.newSingleThreadExecutor();

  @BeforeEach
  void start() {
    spool = FileSpool.open(dir, Clock.systemUTC());
    Intake.Http settings =
        new Intake.Http(
            new ListenAddress("127.0.0.1", 8080),
            Optional.of(Secret.of(HttpListenerTest.TOKEN)),
            List.of(HttpListenerTest.TOPIC),
            HttpListenerTest.MAX_MAIL);
    HttpIntake intake =
        new HttpIntake(
            settings,
            spool,
            wakeUps::incrementAndGet,
            (exchange, body, spooler) -> Requests.error(exchange, 501, "not set up"));
    listener =
        HttpListener.start(
            "127.0.0.1", 0, Routes.intake(intake, settings), HttpListenerTest.LIMITS);
  }

  @AfterEach
  void stop() {
    answers.shutdownNow();
    listener.close();
  }

  @Test
  void aMailSentInChunksIsSpooledByteForByteAndAcknowledged() throws Exception {
    byte[] mail = Fixtures.bytes("email/ec2-abuse-dos.eml");
    byte[] large = Arrays.copyOf(mail, 3 << 20); // under the 4 MiB limit, padded with zeros
    try (RawHttp client = new RawHttp(listener.port())) {
      client.head(
          "POST /intake/email HTTP/1.1",
          "Authorization: Bearer " + HttpListenerTest.TOKEN,
          "Transfer-Encoding: chunked");
      for (int at = 0; at < large.length; at += 100_000) {
        client.chunk(Arrays.copyOfRange(large, at, Math.min(large.length, at + 100_000)));
      }
      client.lastChunk();

      RawHttp.Answer answer = client.answer();

      List<SpoolEntry> pending = spool.pending();
      assertThat(answer.status()).isEqualTo(202);
      assertThat(answer.body()).contains(pending.get(0).id());
      assertThat(Files.readAllBytes(pending.get(0).path())).isEqualTo(large);
      assertThat(pending.get(0).intake()).isEqualTo("http");
      assertThat(wakeUps).hasValue(1);
    }
  }

  @Test
  void aMailLargerThanTheLimitIsRefusedWith413AndNothingIsKept() throws Exception {
    try (RawHttp client = new RawHttp(listener.port())) {
      client.head(
          "POST /intake/email HTTP/1.1",
          "x-api-key: " + HttpListenerTest.TOKEN,
          "Transfer-Encoding: chunked");
      try {
        for (int i = 0; i < 50; i++) {
          client.chunk(new byte[100_000]);
        }
        client.lastChunk();
      } catch (IOException e) {
        // The listener may close before all of it is sent: the answer is what counts.
      }

      assertThat(client.answer().status()).isEqualTo(413);
    }
    assertThat(spool.pending()).isEmpty();
    assertThat(Files.list(dir.resolve("spool").resolve("tmp"))).isEmpty();
  }

  @Test
  void aMailTrickledPastItsDeadlineIsAnswered408AndNothingIsKept() throws Exception {
    try (RawHttp client = new RawHttp(listener.port())) {
      client.head(
          "POST /intake/email HTTP/1.1",
          "Authorization: Bearer " + HttpListenerTest.TOKEN,
          "Content-Length: 100000");
      client.send("Subject: slow\r\n\r\n");
      Future<RawHttp.Answer> answered = answers.submit(client::answer);
      // A byte every 200 ms, until the listener answers.
      while (!answered.isDone()) {
        try {
          client.send("x");
        } catch (IOException e) {
          break;
        }
        Thread.sleep(200);
      }
      RawHttp.Answer answer = answered.get(10, TimeUnit.SECONDS);

      assertThat(answer.status()).isEqualTo(408);
      assertThat(client.closedByServer()).isTrue();
    }
    assertThat(spool.pending()).isEmpty();
    assertThat(Files.list(dir.resolve("spool").resolve("tmp"))).isEmpty();
  }

  @Test
  void anEmptyMailIsRefusedWith400() throws Exception {
    try (RawHttp client = new RawHttp(listener.port())) {
      client.head(
          "POST /intake/email HTTP/1.1",
          "Authorization: Bearer " + HttpListenerTest.TOKEN,
          "Content-Length: 0");

      assertThat(client.answer().status()).isEqualTo(400);
    }
    assertThat(spool.pending()).isEmpty();
  }

  @Test
  void anEventBridgeEventWithTheTokenIsSpooled() throws Exception {
    byte[] event = Fixtures.bytes("health/abuse-dos.json");
    try (RawHttp client = new RawHttp(listener.port())) {
      client.head(
          "POST /intake/eventbridge HTTP/1.1",
          "Authorization: Bearer " + HttpListenerTest.TOKEN,
          "Content-Length: " + event.length);
      client.send(event);

      assertThat(client.answer().status()).isEqualTo(202);
    }
    assertThat(spool.pending())
        .singleElement()
        .extracting(SpoolEntry::intake)
        .isEqualTo("eventbridge");
  }
}
