package dev.abusedesk.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.Intake;
import dev.abusedesk.config.ListenAddress;
import dev.abusedesk.config.Secret;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.spool.SpoolEntry;
import dev.abusedesk.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LMTP dialect (RFC 2033), checked byte by byte over a raw socket. */
class LmtpIntakeTest {

  @TempDir Path dir;

  private FileSpool spool;
  private final AtomicInteger wakeUps = new AtomicInteger();
  private SmtpIntake intake;

  @BeforeEach
  void openSpool() {
    spool = FileSpool.open(dir, Clock.systemUTC());
  }

  @AfterEach
  void stopListener() {
    intake.stop();
  }

  @Test
  void greetsWithLhloAndOffersPipeliningAndEnhancedStatusCodes() throws Exception {
    start(31_457_280, Optional.empty());

    try (LineClient client = new LineClient(intake.port())) {
      assertThat(client.reply()).startsWith("220 ");
      assertThat(client.send("LHLO mx.example.net\r\n").reply())
          .isEqualTo(
              "250-abusedesk\r\n"
                  + "250-PIPELINING\r\n"
                  + "250-ENHANCEDSTATUSCODES\r\n"
                  + "250-8BITMIME\r\n"
                  + "250 SIZE 31457280\r\n");
    }
  }

  @Test
  void refusesHeloAndEhloAsLmtpRequiresLhlo() throws Exception {
    start(1000, Optional.empty());

    try (LineClient client = new LineClient(intake.port())) {
      client.reply();
      assertThat(client.send("HELO mx.example.net\r\n").reply())
          .isEqualTo("500 5.5.1 This is an LMTP server: say LHLO\r\n");
      assertThat(client.send("EHLO mx.example.net\r\n").reply())
          .isEqualTo("500 5.5.1 This is an LMTP server: say LHLO\r\n");
      assertThat(client.send("LHLO\r\n").reply()).startsWith("501 ");
    }
  }

  @Test
  void answersOncePerAcceptedRecipientAndSpoolsTheMessageOnce() throws Exception {
    start(Intake.DEFAULT_MAX_BYTES, Optional.empty());
    byte[] message = Fixtures.bytes("email/ec2-abuse-dos.eml");
    String crlf = new String(message, StandardCharsets.UTF_8).replace("\n", "\r\n");

    String replies;
    try (LineClient client = new LineClient(intake.port())) {
      client.reply();
      client.send("LHLO mx.example.net\r\n").reply();
      // Pipelined, as an LMTP client may: every reply comes back in order.
      client.send(
          "MAIL FROM:<ec2-abuse@amazon.com>\r\n"
              + "RCPT TO:<abuse@example.com>\r\n"
              + "RCPT TO:<security@example.com>\r\n"
              + "RCPT TO:<noc@example.com>\r\n"
              + "DATA\r\n");
      assertThat(client.replies(5))
          .containsExactly("250 Ok\r\n", "250 Ok\r\n", "250 Ok\r\n", "250 Ok\r\n", client354());
      client.send(crlf + ".\r\n");
      replies = String.join("", client.replies(3));
      assertThat(client.send("QUIT\r\n").reply()).startsWith("221");
    }

    List<SpoolEntry> pending = spool.pending();
    assertThat(pending).singleElement().extracting(SpoolEntry::intake).isEqualTo("lmtp");
    String accepted = "250 2.0.0 Ok: queued as " + pending.get(0).id() + "\r\n";
    assertThat(replies).isEqualTo(accepted + accepted + accepted);
    assertThat(Files.readString(pending.get(0).path())).isEqualTo(crlf);
    assertThat(wakeUps).hasValue(1);
  }

  @Test
  void answers451ForEveryRecipientWhenTheSpoolFails() throws Exception {
    start(Intake.DEFAULT_MAX_BYTES, Optional.empty());
    Files.delete(dir.resolve("spool").resolve("tmp"));

    try (LineClient client = new LineClient(intake.port())) {
      client.reply();
      client.send("LHLO mx.example.net\r\n").reply();
      client.send("MAIL FROM:<a@example.net>\r\n").reply();
      client.send("RCPT TO:<one@example.com>\r\n").reply();
      client.send("RCPT TO:<two@example.com>\r\n").reply();
      client.send("DATA\r\n").reply();
      client.send("Subject: x\r\n\r\nbody\r\n.\r\n");

      String failed = "451 4.3.0 Cannot store the message now, try again later\r\n";
      assertThat(client.replies(2)).containsExactly(failed, failed);
      // The transaction is over: the next one starts with MAIL, as after any reply to DATA.
      assertThat(client.send("MAIL FROM:<a@example.net>\r\n").reply()).isEqualTo("250 Ok\r\n");
    }
    assertThat(spool.pending()).isEmpty();
    assertThat(wakeUps).hasValue(0);
  }

  @Test
  void answers552ForEveryRecipientWhenTooLarge() throws Exception {
    start(100, Optional.empty());

    try (LineClient client = new LineClient(intake.port())) {
      client.reply();
      client.send("LHLO mx.example.net\r\n").reply();
      client.send("MAIL FROM:<a@example.net>\r\n").reply();
      client.send("RCPT TO:<one@example.com>\r\n").reply();
      client.send("RCPT TO:<two@example.com>\r\n").reply();
      client.send("DATA\r\n").reply();
      client.send("Subject: x\r\n\r\n" + "y".repeat(200) + "\r\n.\r\n");

      String tooLarge = "552 5.3.4 Message size exceeds fixed limit\r\n";
      assertThat(client.replies(2)).containsExactly(tooLarge, tooLarge);
      assertThat(client.send("NOOP\r\n").reply()).startsWith("250");
    }
    assertThat(spool.pending()).isEmpty();
  }

  @Test
  void refusesDataWithoutRecipientsAndBdat() throws Exception {
    start(1000, Optional.empty());

    try (LineClient client = new LineClient(intake.port())) {
      client.reply();
      client.send("LHLO mx.example.net\r\n").reply();
      assertThat(client.send("DATA\r\n").reply()).startsWith("503 5.5.1");
      client.send("MAIL FROM:<a@example.net>\r\n").reply();
      assertThat(client.send("DATA\r\n").reply()).startsWith("503 5.5.1");
      client.send("RCPT TO:<one@example.com>\r\n").reply();
      assertThat(client.send("BDAT 5 LAST\r\n").reply()).startsWith("502 ");
    }
  }

  @Test
  void offersAndRequiresAuthWhenCredentialsAreConfigured() throws Exception {
    start(1000, Optional.of("s3cret-pass"));
    String plain =
        Base64.getEncoder().encodeToString("\0relay\0s3cret-pass".getBytes(StandardCharsets.UTF_8));

    try (LineClient client = new LineClient(intake.port())) {
      client.reply();
      assertThat(client.send("LHLO mx.example.net\r\n").reply())
          .endsWith("250-SIZE 1000\r\n250 AUTH PLAIN LOGIN\r\n");
      assertThat(client.send("MAIL FROM:<a@example.net>\r\n").reply()).startsWith("530");
      assertThat(client.send("DATA\r\n").reply()).startsWith("530");
      assertThat(client.send("AUTH PLAIN " + plain + "\r\n").reply()).startsWith("235");
      assertThat(client.send("MAIL FROM:<a@example.net>\r\n").reply()).isEqualTo("250 Ok\r\n");
    }
  }

  private static String client354() {
    return "354 End data with <CR><LF>.<CR><LF>\r\n";
  }

  private void start(long maxBytes, Optional<String> password) {
    Intake.Smtp config =
        new Intake.Smtp(
            new ListenAddress("127.0.0.1", FreePort.find()),
            Intake.Protocol.LMTP,
            maxBytes,
            password.map(p -> "relay"),
            password.map(Secret::of),
            Optional.empty());
    intake = new SmtpIntake(config, spool, wakeUps::incrementAndGet);
    intake.start();
  }
}
