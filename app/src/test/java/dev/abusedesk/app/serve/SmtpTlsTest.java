package dev.abusedesk.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.abusedesk.config.Intake;
import dev.abusedesk.config.ListenAddress;
import dev.abusedesk.config.Secret;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.LogLines;
import dev.abusedesk.testing.TestCertificates;
import dev.abusedesk.testing.TestClock;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * STARTTLS on the SMTP/LMTP listener, with a certificate chain made by keytool that the clients
 * trust through its authority only, as a mail server trusts a public one. "Beyond loopback" is a
 * listener on the wildcard address (as {@code listen: "0.0.0.0:25"} in a real configuration),
 * reached over loopback: the rule follows the configured address, not the client's.
 */
class SmtpTlsTest {

  private static final String PASSWORD = "s3cret-pass";
  private static final String PLAIN =
      Base64.getEncoder()
          .encodeToString(("\0relay\0" + PASSWORD).getBytes(StandardCharsets.US_ASCII));

  @TempDir static Path certificates;
  static Intake.Tls tls;
  static SSLContext trustingTheAuthority;

  @TempDir Path dir;
  FileSpool spool;
  SmtpIntake intake;

  @BeforeAll
  static void makeCertificate() throws Exception {
    TestCertificates.Issued issued =
        TestCertificates.issuedByAnAuthority(certificates, "abuse.example.com");
    tls = new Intake.Tls(issued.certificateFile(), issued.keyFile(), issued.chain(), issued.key());
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    anchors.load(null, null);
    anchors.setCertificateEntry("authority", issued.chain().get(1));
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(anchors);
    trustingTheAuthority = SSLContext.getInstance("TLS");
    trustingTheAuthority.init(null, trust.getTrustManagers(), null);
  }

  @BeforeEach
  void openSpool() {
    spool = FileSpool.open(dir, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    if (intake != null) {
      intake.stop();
    }
  }

  @Test
  void aClientThatRequiresStartTlsLogsInAndDeliversBeyondLoopback() throws Exception {
    start("0.0.0.0", Intake.Protocol.SMTP);
    Properties props = props();
    props.setProperty("mail.smtp.starttls.enable", "true");
    props.setProperty("mail.smtp.starttls.required", "true");
    props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    props.put("mail.smtp.ssl.socketFactory", trustingTheAuthority.getSocketFactory());
    props.setProperty("mail.smtp.auth", "true");

    String reply = send(props, "relay", PASSWORD);

    assertThat(reply).startsWith("250 2.0.0 Ok: queued as ");
    assertThat(spool.pending()).hasSize(1);
  }

  @Test
  void beyondLoopbackAuthIsNeitherOfferedNorTakenBeforeStartTls() throws Exception {
    start("0.0.0.0", Intake.Protocol.SMTP);

    try (LineClient client = new LineClient(intake.port())) {
      client.reply();
      String ehlo = client.send("EHLO client\r\n").reply();
      assertThat(ehlo).endsWith("250 STARTTLS\r\n").doesNotContain("AUTH");
      assertThat(client.send("AUTH PLAIN " + PLAIN + "\r\n").reply())
          .isEqualTo("530 5.7.0 Must issue a STARTTLS command first\r\n");
      assertThat(client.send("AUTH LOGIN\r\n").reply()).startsWith("530 ");
      assertThat(client.send("MAIL FROM:<a@example.net>\r\n").reply()).startsWith("530 ");

      assertThat(client.send("STARTTLS\r\n").reply()).startsWith("220");
      assertThat(client.startTls(trustingTheAuthority)).isIn("TLSv1.3", "TLSv1.2");
      String secured = client.send("EHLO client\r\n").reply();
      assertThat(secured).contains("AUTH PLAIN LOGIN").doesNotContain("STARTTLS");
      assertThat(client.send("AUTH PLAIN " + PLAIN + "\r\n").reply()).startsWith("235");
      assertThat(client.send("MAIL FROM:<a@example.net>\r\n").reply()).startsWith("250");
      assertThat(client.send("RCPT TO:<abuse@example.com>\r\n").reply()).startsWith("250");
      assertThat(client.send("DATA\r\n").reply()).startsWith("354");
      assertThat(client.send("Subject: over tls\r\n\r\nbody\r\n.\r\n").reply())
          .startsWith("250 2.0.0 Ok");
    }
    assertThat(spool.pending()).hasSize(1);
  }

  @Test
  void aRealClientThatWouldSendThePasswordInClearIsTurnedAway() throws Exception {
    start("0.0.0.0", Intake.Protocol.SMTP);
    Properties props = props();
    props.setProperty("mail.smtp.auth", "true");

    assertThatThrownBy(() -> send(props, "relay", PASSWORD))
        .isInstanceOfSatisfying(
            SMTPSendFailedException.class, e -> assertThat(e.getReturnCode()).isEqualTo(530));
    assertThat(spool.pending()).isEmpty();
  }

  @Test
  void onLoopbackAuthIsOfferedAndTakenBeforeStartTlsToo() throws Exception {
    start("127.0.0.1", Intake.Protocol.SMTP);

    try (LineClient client = new LineClient(intake.port())) {
      client.reply();
      assertThat(client.send("EHLO client\r\n").reply())
          .contains("250-STARTTLS")
          .contains("AUTH PLAIN LOGIN");
      assertThat(client.send("AUTH PLAIN " + PLAIN + "\r\n").reply()).startsWith("235");
      assertThat(client.send("MAIL FROM:<a@example.net>\r\n").reply()).startsWith("250");
    }
  }

  @Test
  void lmtpOffersStartTlsInLhloAndAuthOnlyAfterIt() throws Exception {
    start("0.0.0.0", Intake.Protocol.LMTP);

    try (LineClient client = new LineClient(intake.port())) {
      client.reply();
      assertThat(client.send("LHLO client\r\n").reply())
          .endsWith("250-SIZE 31457280\r\n250 STARTTLS\r\n");
      assertThat(client.send("AUTH PLAIN " + PLAIN + "\r\n").reply()).startsWith("530 ");
      assertThat(client.send("STARTTLS\r\n").reply()).startsWith("220");
      client.startTls(trustingTheAuthority);
      assertThat(client.send("LHLO client\r\n").reply())
          .endsWith("250-SIZE 31457280\r\n250 AUTH PLAIN LOGIN\r\n");
      assertThat(client.send("AUTH PLAIN " + PLAIN + "\r\n").reply()).startsWith("235");
      client.send("MAIL FROM:<a@example.net>\r\nRCPT TO:<abuse@example.com>\r\nDATA\r\n");
      assertThat(client.replies(3).get(2)).startsWith("354");
      assertThat(client.send("Subject: lmtp over tls\r\n\r\nbody\r\n.\r\n").reply())
          .startsWith("250 2.0.0 Ok");
    }
    assertThat(spool.pending()).hasSize(1);
  }

  @Test
  void speaksOnlyTls12AndTls13() throws Exception {
    StartTls startTls = new StartTls(tls);
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket accepted = server.accept();
        SSLSocket secured = startTls.createSSLSocket(accepted)) {
      assertThat(secured.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
      assertThat(secured.getUseClientMode()).isFalse();
      assertThat(secured.getEnabledCipherSuites())
          .noneMatch(suite -> suite.contains("_anon_") || suite.contains("_NULL_"));
      assertThat(client.isConnected()).isTrue();
    }
  }

  @Test
  void warnsOnStartWhenTheCertificateHasExpiredOrTheKeyIsReadableByAll() throws Exception {
    Files.setPosixFilePermissions(tls.keyFile(), PosixFilePermissions.fromString("rw-r--r--"));
    TestClock later = new TestClock(Instant.now().plus(Duration.ofDays(30)));
    try (LogLines log = LogLines.of(SmtpIntake.class)) {
      intake = new SmtpIntake(config("127.0.0.1", Intake.Protocol.SMTP), spool, () -> {}, later);
      intake.start();

      assertThat(log.lines())
          .anySatisfy(
              line -> assertThat(line).contains("STARTTLS with CN=abuse.example.com valid until"))
          .anySatisfy(
              line ->
                  assertThat(line)
                      .contains("CN=abuse.example.com", tls.certificateFile().toString())
                      .contains("expired at", "renew it and restart"))
          .anySatisfy(
              line ->
                  assertThat(line)
                      .isEqualTo(
                          "the private key "
                              + tls.keyFile()
                              + " is readable by every user of this machine; chmod 0600 it"));
    }
  }

  // --- helpers

  private void start(String host, Intake.Protocol protocol) {
    intake = new SmtpIntake(config(host, protocol), spool, () -> {});
    intake.start();
  }

  private static Intake.Smtp config(String host, Intake.Protocol protocol) {
    return new Intake.Smtp(
        new ListenAddress(host, FreePort.find()),
        protocol,
        Intake.DEFAULT_MAX_BYTES,
        Optional.of("relay"),
        Optional.of(Secret.of(PASSWORD)),
        Optional.of(tls));
  }

  private Properties props() {
    Properties props = new Properties();
    props.setProperty("mail.smtp.host", "127.0.0.1");
    props.setProperty("mail.smtp.port", Integer.toString(intake.port()));
    props.setProperty("mail.smtp.connectiontimeout", "10000");
    props.setProperty("mail.smtp.timeout", "30000");
    return props;
  }

  private static String send(Properties props, String user, String password) throws Exception {
    Session session = Session.getInstance(props);
    try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
      transport.connect(user, password);
      MimeMessage message =
          new MimeMessage(
              session, new ByteArrayInputStream(Fixtures.bytes("email/ec2-abuse-dos.eml")));
      transport.sendMessage(message, new Address[] {new InternetAddress("abuse@example.com")});
      return transport.getLastServerResponse();
    }
  }
}
