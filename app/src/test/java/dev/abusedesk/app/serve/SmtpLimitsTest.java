package dev.abusedesk.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.Intake;
import dev.abusedesk.config.ListenAddress;
import dev.abusedesk.spool.FileSpool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SMTP listener against slow and numerous clients, with limits small enough to reach in a test:
 * a silent client is cut off, a message trickled past its deadline is dropped, sessions past the
 * cap are refused at once, and a normal delivery gets through meanwhile.
 */
class SmtpLimitsTest {

  static final SmtpLimits LIMITS =
      new SmtpLimits(
          Duration.ofSeconds(2), Duration.ofSeconds(3), 3, LoginThrottle.Limits.defaults());

  @TempDir Path dir;
  FileSpool spool;
  SmtpIntake intake;
  final ExecutorService clients = Executors.newCachedThreadPool();

  @BeforeEach
  void start() {
    spool = FileSpool.open(dir, Clock.systemUTC());
    intake =
        new SmtpIntake(
            new Intake.Smtp(
                new ListenAddress("127.0.0.1", FreePort.find()),
                Intake.Protocol.SMTP,
                Intake.DEFAULT_MAX_BYTES,
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            spool,
            () -> {},
            LIMITS);
    intake.start();
  }

  @AfterEach
  void stop() {
    clients.shutdownNow();
    intake.stop();
  }

  @Test
  void aSilentClientIsToldAndDisconnectedAfterTheIdleTimeout() throws Exception {
    try (LineClient client = new LineClient(intake.port())) {
      assertThat(client.reply()).startsWith("220");

      assertThat(client.reply()).startsWith("421");
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void aMessageTrickledPastItsDeadlineIsDroppedWith421AndNothingIsSpooled() throws Exception {
    try (LineClient client = new LineClient(intake.port())) {
      client.reply();
      client.send("HELO slow\r\nMAIL FROM:<a@example.net>\r\nRCPT TO:<abuse@example.com>\r\n");
      client.replies(3);
      assertThat(client.send("DATA\r\n").reply()).startsWith("354");
      Future<String> answer = clients.submit(client::reply);
      long started = System.nanoTime();
      // A byte every 200 ms: each read is quick, only the whole is too slow.
      while (!answer.isDone() && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20)) {
        try {
          client.send("x");
        } catch (IOException e) {
          break;
        }
        Thread.sleep(200);
      }

      assertThat(answer.get(10, TimeUnit.SECONDS))
          .isEqualTo("421 " + MailCommands.Data.TOO_SLOW + "\r\n");
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThanOrEqualTo(LIMITS.dataDeadline().minusMillis(100));
      assertThat(client.closedByServer()).isTrue();
    }
    assertThat(spool.pending()).isEmpty();
    assertThat(Files.list(dir.resolve("spool").resolve("tmp"))).isEmpty();
  }

  @Test
  void sessionsPastTheCapAreRefusedWith421AtOnceAndADeliveryGetsThroughOnceOneEnds()
      throws Exception {
    List<LineClient> idle = new ArrayList<>();
    try {
      for (int i = 0; i < LIMITS.maxSessions(); i++) {
        LineClient client = new LineClient(intake.port());
        assertThat(client.reply()).startsWith("220");
        idle.add(client);
      }
      try (LineClient refused = new LineClient(intake.port())) {
        assertThat(refused.reply()).startsWith("421 4.7.0");
        assertThat(refused.closedByServer()).isTrue();
      }

      idle.remove(0).send("QUIT\r\n").close();
      Thread.sleep(200);
      try (LineClient sender = new LineClient(intake.port())) {
        assertThat(sender.reply()).startsWith("220");
        sender.send("HELO relay\r\nMAIL FROM:<a@example.net>\r\nRCPT TO:<abuse@example.com>\r\n");
        sender.replies(3);
        assertThat(sender.send("DATA\r\n").reply()).startsWith("354");
        assertThat(sender.send("Subject: through\r\n\r\nbody\r\n.\r\n").reply())
            .startsWith("250 2.0.0 Ok");
      }
    } finally {
      for (LineClient client : idle) {
        client.close();
      }
    }
    assertThat(spool.pending()).hasSize(1);
  }
}
