package dev.abusedesk.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.abusedesk.config.Intake;
import dev.abusedesk.config.ListenAddress;
import dev.abusedesk.config.Secret;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.spool.SpoolEntry;
import dev.abusedesk.testing.Fixtures;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SMTP listener, spoken to by a real SMTP client (Jakarta Mail) and by hand over a socket. */
class SmtpIntakeTest {

  private static final String FIXTURE = "email/ec2-abuse-dos.eml";
  private static final Address[] TO = {address("abuse@example.com")};

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
    if (intake != null) {
      intake.stop();
    }
  }

  @Test
  void acknowledgesAFixtureMailOnlyOnceItIsInTheSpool() throws Exception {
    start(Intake.DEFAULT_MAX_BYTES, Optional.empty());

    String reply = send(fixture(), props());

    List<SpoolEntry> pending = spool.pending();
    assertThat(reply).startsWith("250 2.0.0 Ok: queued as " + pending.get(0).id());
    assertThat(pending).singleElement().extracting(SpoolEntry::intake).isEqualTo("smtp");
    assertThat(normalized(Files.readAllBytes(pending.get(0).path())))
        .isEqualTo(normalized(Fixtures.bytes(FIXTURE)));
    assertThat(wakeUps).hasValue(1);
  }

  @Test
  void answers451WhenTheSpoolCannotBeWrittenAndTheSameConnectionMayTryAgain() throws Exception {
    start(Intake.DEFAULT_MAX_BYTES, Optional.empty());
    Path tmp = dir.resolve("spool").resolve("tmp");
    Files.delete(tmp);

    try (LineClient client = new LineClient(intake.port())) {
      client.reply();
      client.send("EHLO client\r\n").reply();
      assertThat(transaction(client, "Subject: one\r\n\r\nbody\r\n"))
          .isEqualTo("451 4.3.0 Cannot store the message now, try again later\r\n");
      assertThat(spool.pending()).isEmpty();

      Files.createDirectory(tmp);
      assertThat(transaction(client, "Subject: two\r\n\r\nbody\r\n")).startsWith("250 2.0.0 ");
    }
    assertThat(spool.pending()).hasSize(1);
    assertThat(wakeUps).hasValue(1);
  }

  @Test
  void aRealClientSeesTheTemporaryFailure() throws Exception {
    start(Intake.DEFAULT_MAX_BYTES, Optional.empty());
    Files.delete(dir.resolve("spool").resolve("tmp"));

    assertThatThrownBy(() -> send(fixture(), props()))
        .isInstanceOfSatisfying(
            SMTPSendFailedException.class, e -> assertThat(e.getReturnCode()).isEqualTo(451));
    assertThat(spool.pending()).isEmpty();
  }

  @Test
  void refusesAMessageLargerThanTheLimitWith552AndKeepsNothing() throws Exception {
    start(1000, Optional.empty());

    assertThatThrownBy(() -> send(fixture(), props()))
        .isInstanceOfSatisfying(
            SMTPSendFailedException.class, e -> assertThat(e.getReturnCode()).isEqualTo(552));
    assertThat(spool.pending()).isEmpty();
    assertThat(Files.list(dir.resolve("spool").resolve("tmp"))).isEmpty();
  }

  @Test
  void countsTheBytesThemselvesWhenTheClientDeclaresNoSize() throws Exception {
    start(1000, Optional.empty());
    String large = "Subject: large\r\n\r\n" + "x".repeat(76).concat("\r\n").repeat(20);

    try (LineClient client = new LineClient(intake.port())) {
      client.reply();
      client.send("HELO client\r\n").reply();
      assertThat(transaction(client, large))
          .isEqualTo("552 5.3.4 Message size exceeds fixed limit\r\n");
      assertThat(transaction(client, "Subject: small\r\n\r\nbody\r\n")).startsWith("250 ");
    }
    assertThat(spool.pending()).hasSize(1);
  }

  @Test
  void spoolsTheBytesAsSentWithDotsUnstuffed() throws Exception {
    start(Intake.DEFAULT_MAX_BYTES, Optional.empty());
    String message = "Subject: dots\r\n\r\n.leading dot\r\n..two\r\nlast\r\n";

    try (LineClient client = new LineClient(intake.port())) {
      client.reply();
      client.send("HELO client\r\n").reply();
      assertThat(transaction(client, message)).startsWith("250 ");
    }

    byte[] spooled = Files.readAllBytes(spool.pending().get(0).path());
    assertThat(new String(spooled, StandardCharsets.UTF_8)).isEqualTo(message);
  }

  @Test
  void takesAMessageSentInChunksWithBdat() throws Exception {
    start(Intake.DEFAULT_MAX_BYTES, Optional.empty());
    String first = "Subject: chunks\r\n\r\n";
    String last = "in two parts\r\n";

    try (LineClient client = new LineClient(intake.port())) {
      client.reply();
      assertThat(client.send("EHLO client\r\n").reply()).contains("250-CHUNKING");
      client.send("MAIL FROM:<a@example.net>\r\n").reply();
      client.send("RCPT TO:<abuse@example.com>\r\n").reply();
      client.send("BDAT " + first.length() + "\r\n" + first);
      assertThat(client.reply()).startsWith("250");
      client.send("BDAT " + last.length() + " LAST\r\n" + last);
      assertThat(client.reply()).startsWith("250 2.0.0 Ok: queued as ");
    }

    byte[] spooled = Files.readAllBytes(spool.pending().get(0).path());
    assertThat(new String(spooled, StandardCharsets.UTF_8)).isEqualTo(first + last);
  }

  @Test
  void refusesLhloOverSmtp() throws Exception {
    start(Intake.DEFAULT_MAX_BYTES, Optional.empty());

    try (LineClient client = new LineClient(intake.port())) {
      client.reply();
      assertThat(client.send("LHLO client\r\n").reply()).startsWith("500");
    }
  }

  @Test
  void requiresAuthWhenCredentialsAreConfigured() throws Exception {
    start(Intake.DEFAULT_MAX_BYTES, Optional.of("s3cret-pass"));

    assertThatThrownBy(() -> send(fixture(), props()))
        .isInstanceOfSatisfying(
            SMTPSendFailedException.class, e -> assertThat(e.getReturnCode()).isEqualTo(530));
    assertThat(spool.pending()).isEmpty();
  }

  @Test
  void refusesAWrongPassword() throws Exception {
    start(Intake.DEFAULT_MAX_BYTES, Optional.of("s3cret-pass"));

    for (String mechanism : List.of("PLAIN", "LOGIN")) {
      assertThatThrownBy(() -> sendAs("relay", "wrong-pass", mechanism))
          .as(mechanism)
          .isInstanceOf(AuthenticationFailedException.class);
      assertThatThrownBy(() -> sendAs("someone", "s3cret-pass", mechanism))
          .as(mechanism)
          .isInstanceOf(AuthenticationFailedException.class);
    }
    assertThat(spool.pending()).isEmpty();
  }

  @Test
  void acceptsTheRightPasswordWithPlainAndLogin() throws Exception {
    start(Intake.DEFAULT_MAX_BYTES, Optional.of("s3cret-pass"));

    assertThat(sendAs("relay", "s3cret-pass", "PLAIN")).startsWith("250 ");
    assertThat(sendAs("relay", "s3cret-pass", "LOGIN")).startsWith("250 ");
    assertThat(spool.pending()).hasSize(2);
  }

  @Test
  void fiftyConcurrentClientsAllGet250AndEveryMessageIsSpooledOnce() throws Exception {
    start(Intake.DEFAULT_MAX_BYTES, Optional.empty());
    int clients = 50;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<String>> replies = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        byte[] message =
            ("X-Test-Id: " + i + "\r\n" + new String(Fixtures.bytes(FIXTURE), UTF8)).getBytes(UTF8);
        replies.add(
            pool.submit(
                () -> {
                  go.await();
                  return send(message, props());
                }));
      }
      go.countDown();
      for (Future<String> reply : replies) {
        assertThat(reply.get(60, TimeUnit.SECONDS)).startsWith("250 2.0.0 Ok: queued as ");
      }
    } finally {
      pool.shutdownNow();
    }

    List<String> ids = new ArrayList<>();
    for (SpoolEntry entry : spool.pending()) {
      String text = Files.readString(entry.path(), UTF8);
      ids.add(text.substring("X-Test-Id: ".length(), text.indexOf("\r\n")));
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      expected.add(Integer.toString(i));
    }
    assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(wakeUps).hasValue(clients);
  }

  @Test
  void refusesToStartOnAPortInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      SmtpIntake second =
          new SmtpIntake(config(taken.getLocalPort(), 1000, Optional.empty()), spool, () -> {});

      assertThatThrownBy(second::start)
          .isInstanceOf(IntakeException.class)
          .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void stopsListening() throws Exception {
    start(Intake.DEFAULT_MAX_BYTES, Optional.empty());
    int port = intake.port();

    intake.stop();
    intake = null;

    assertThatThrownBy(() -> new LineClient(port)).isInstanceOf(IOException.class);
  }

  @Test
  void stoppingLetsAMessageInTheMiddleOfDataFinishAndRefusesNewOnes() throws Exception {
    start(Intake.DEFAULT_MAX_BYTES, Optional.empty());
    Thread stopper = new Thread(intake::stop);
    try (LineClient first = new LineClient(intake.port())) {
      first.reply();
      first.send("HELO client\r\n").reply();
      first.send("MAIL FROM:<a@example.net>\r\nRCPT TO:<abuse@example.com>\r\nDATA\r\n");
      assertThat(first.replies(3).get(2)).startsWith("354");
      first.send("Subject: in flight\r\n\r\npart one\r\n");

      stopper.start();
      // Once stopping began, a new DATA is refused and its connection closed.
      String refused = "";
      for (int tries = 0; tries < 500 && !refused.startsWith("421"); tries++) {
        try (LineClient second = new LineClient(intake.port())) {
          second.reply();
          second.send(
              "HELO client\r\nMAIL FROM:<b@example.net>\r\nRCPT TO:<abuse@example.com>\r\n");
          second.replies(3);
          refused = second.send("DATA\r\n").reply();
          if (refused.startsWith("354")) {
            second.send("Subject: raced\r\n\r\nbody\r\n.\r\n").reply();
          }
        }
      }
      assertThat(refused).isEqualTo("421 4.3.2 Shutting down, try again later\r\n");

      assertThat(first.send("part two\r\n.\r\n").reply()).startsWith("250 2.0.0 Ok");
      stopper.join(10_000);
      assertThat(first.closedByServer()).isTrue();
    }
    intake = null;
    assertThat(spool.pending())
        .map(entry -> Files.readString(entry.path()))
        .contains("Subject: in flight\r\n\r\npart one\r\npart two\r\n");
  }

  // --- helpers

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private void start(long maxBytes, Optional<String> password) {
    intake =
        new SmtpIntake(
            config(FreePort.find(), maxBytes, password), spool, wakeUps::incrementAndGet);
    intake.start();
  }

  private static Intake.Smtp config(int port, long maxBytes, Optional<String> password) {
    return new Intake.Smtp(
        new ListenAddress("127.0.0.1", port),
        Intake.Protocol.SMTP,
        maxBytes,
        password.map(p -> "relay"),
        password.map(Secret::of),
        Optional.empty());
  }

  private Properties props() {
    Properties props = new Properties();
    props.setProperty("mail.smtp.host", "127.0.0.1");
    props.setProperty("mail.smtp.port", Integer.toString(intake.port()));
    props.setProperty("mail.smtp.connectiontimeout", "10000");
    props.setProperty("mail.smtp.timeout", "30000");
    return props;
  }

  private String sendAs(String user, String password, String mechanism) throws Exception {
    Properties props = props();
    props.setProperty("mail.smtp.auth", "true");
    props.setProperty("mail.smtp.auth.mechanisms", mechanism);
    Session session = Session.getInstance(props);
    try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
      transport.connect(user, password);
      transport.sendMessage(message(session, fixture()), TO);
      return transport.getLastServerResponse();
    }
  }

  /** Sends with Jakarta Mail and returns the server's last reply (the one to DATA). */
  private static String send(byte[] raw, Properties props) throws Exception {
    Session session = Session.getInstance(props);
    try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
      transport.connect();
      transport.sendMessage(message(session, raw), TO);
      return transport.getLastServerResponse();
    }
  }

  private static MimeMessage message(Session session, byte[] raw) throws MessagingException {
    return new MimeMessage(session, new ByteArrayInputStream(raw));
  }

  private static String transaction(LineClient client, String message) throws IOException {
    client.send("MAIL FROM:<a@example.net>\r\n").reply();
    client.send("RCPT TO:<abuse@example.com>\r\n").reply();
    assertThat(client.send("DATA\r\n").reply()).startsWith("354");
    StringBuilder stuffed = new StringBuilder();
    for (String line : message.split("\r\n", -1)) {
      stuffed.append(line.startsWith(".") ? "." + line : line).append("\r\n");
    }
    stuffed.setLength(stuffed.length() - 2);
    return client.send(stuffed + ".\r\n").reply();
  }

  private static byte[] fixture() {
    return Fixtures.bytes(FIXTURE);
  }

  /** Line ends aside (SMTP sends CRLF), the bytes must be the ones the client sent. */
  private static String normalized(byte[] bytes) {
    return new String(bytes, UTF8).replace("\r\n", "\n").stripTrailing();
  }

  private static Address address(String text) {
    try {
      return new InternetAddress(text);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
