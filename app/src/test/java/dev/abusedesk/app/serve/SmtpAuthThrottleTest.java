package dev.abusedesk.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.Intake;
import dev.abusedesk.config.ListenAddress;
import dev.abusedesk.config.Secret;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.testing.LogLines;
import dev.abusedesk.testing.TestClock;
import jakarta.mail.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack, 200 wrong passwords as fast as a client can send them, against the real
 * listener. Only the delays are shortened (1 ms, doubling): what is checked is how many guesses are
 * answered at all, not how long they take.
 */
class SmtpAuthThrottleTest {

  private static final String PASSWORD = "s3cret-pass";
  private static final SmtpLimits LIMITS =
      new SmtpLimits(
          Duration.ofSeconds(30),
          Duration.ofMinutes(10),
          100,
          new LoginThrottle.Limits(
              5, Duration.ofMinutes(15), Duration.ofMillis(1), Duration.ofMillis(8)));

  @TempDir Path dir;
  final TestClock clock = new TestClock(Instant.parse("2025-11-10T00:00:00Z"));
  SmtpIntake intake;

  @BeforeEach
  void start() {
    intake =
        new SmtpIntake(
            new Intake.Smtp(
                new ListenAddress("127.0.0.1", FreePort.find()),
                Intake.Protocol.SMTP,
                Intake.DEFAULT_MAX_BYTES,
                Optional.of("relay"),
                Optional.of(Secret.of(PASSWORD)),
                Optional.empty()),
            FileSpool.open(dir, clock),
            () -> {},
            LIMITS,
            clock);
    intake.start();
  }

  @AfterEach
  void stop() {
    intake.stop();
  }

  @Test
  void twoHundredWrongGuessesGetFiveAnswersAndThenOnly421() throws Exception {
    int answered = 0;
    int refusedAtAuth = 0;
    int refusedOnConnecting = 0;
    List<String> others = new ArrayList<>();
    try (LogLines log = LogLines.of(LoginThrottle.class)) {
      LineClient client = null;
      for (int guess = 0; guess < 200; guess++) {
        if (client == null) {
          client = new LineClient(intake.port());
          if (client.reply().startsWith("421")) {
            refusedOnConnecting++;
            assertThat(client.closedByServer()).isTrue();
            client.close();
            client = null;
            continue;
          }
        }
        String reply =
            client.send("AUTH PLAIN " + plain("relay", "guess-" + guess) + "\r\n").reply();
        if (reply.startsWith("535")) {
          answered++;
        } else if (reply.startsWith("421")) {
          refusedAtAuth++;
          assertThat(client.closedByServer()).isTrue();
          client.close();
          client = null;
        } else {
          others.add(reply);
        }
      }
      if (client != null) {
        client.close();
      }

      assertThat(others).isEmpty();
      assertThat(answered).isEqualTo(5);
      assertThat(refusedAtAuth).isEqualTo(1);
      assertThat(refusedOnConnecting).isEqualTo(194);
      assertThat(log.lines())
          .hasSize(5)
          .allSatisfy(
              line ->
                  assertThat(line)
                      .startsWith("SMTP AUTH failed for user \"relay\" from 127.0.0.1 (")
                      .doesNotContain("guess"));
    }

    // Even the right password waits until the failures are forgotten.
    assertThat(firstReply()).startsWith("421 4.7.0 Too many failed logins");
    clock.advance(Duration.ofMinutes(15));
    assertThat(login("relay", PASSWORD)).startsWith("235");
  }

  @Test
  void guessesSentAtOnceOnManyConnectionsTakeTurnsAndStillGetFiveAnswers() throws Exception {
    int connections = 20;
    List<LineClient> clients = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      for (int i = 0; i < connections; i++) {
        LineClient client = new LineClient(intake.port());
        assertThat(client.reply()).startsWith("220");
        clients.add(client);
      }
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> replies = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        LineClient client = clients.get(i);
        String guess = plain("relay", "guess-" + i);
        replies.add(
            pool.submit(
                () -> {
                  go.await();
                  return client.send("AUTH PLAIN " + guess + "\r\n").reply();
                }));
      }
      go.countDown();
      List<String> codes = new ArrayList<>();
      for (Future<String> reply : replies) {
        codes.add(reply.get(60, TimeUnit.SECONDS).substring(0, 3));
      }

      assertThat(codes).filteredOn("535"::equals).hasSize(5);
      assertThat(codes).filteredOn("421"::equals).hasSize(connections - 5);
    } finally {
      pool.shutdownNow();
      for (LineClient client : clients) {
        client.close();
      }
    }
  }

  @Test
  void aSuccessfulLoginClearsTheCountSoAClientThatMistypedOnceIsNotLockedOut() throws Exception {
    for (int i = 0; i < 4; i++) {
      assertThat(login("relay", "typo")).startsWith("535");
    }
    assertThat(sendWithJakartaMail()).startsWith("250 ");

    for (int i = 0; i < 4; i++) {
      assertThat(login("relay", "typo")).as("after the success").startsWith("535");
    }
    assertThat(login("relay", PASSWORD)).startsWith("235");
  }

  // --- helpers

  private String firstReply() throws IOException {
    try (LineClient client = new LineClient(intake.port())) {
      return client.reply();
    }
  }

  private String login(String user, String password) throws IOException {
    try (LineClient client = new LineClient(intake.port())) {
      assertThat(client.reply()).startsWith("220");
      client.send("EHLO client\r\n").reply();
      return client.send("AUTH PLAIN " + plain(user, password) + "\r\n").reply();
    }
  }

  private String sendWithJakartaMail() throws Exception {
    Properties props = new Properties();
    props.setProperty("mail.smtp.host", "127.0.0.1");
    props.setProperty("mail.smtp.port", Integer.toString(intake.port()));
    props.setProperty("mail.smtp.auth", "true");
    props.setProperty("mail.smtp.timeout", "30000");
    Session session = Session.getInstance(props);
    try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
      transport.connect("relay", PASSWORD);
      jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(session);
      message.setFrom("aws@example.net");
      message.setSubject("after a typo");
      message.setText("body");
      transport.sendMessage(
          message,
          new jakarta.mail.Address[] {
            new jakarta.mail.internet.InternetAddress("abuse@example.com")
          });
      return transport.getLastServerResponse();
    }
  }

  private static String plain(String user, String password) {
    return Base64.getEncoder()
        .encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
  }
}
