package dev.abusedesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.abusedesk.testing.TestCertificates;
import dev.abusedesk.testing.TestCertificates.Issued;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code intake.smtp.tls} with real PEM files from keytool: the forms certificate tools write are
 * read, each mistake is one problem naming the file, and beyond loopback a password needs tls.
 */
class SmtpTlsConfigTest {

  @TempDir static Path dir;
  static Issued rsa;
  static Issued ec;
  static Issued chained;

  @BeforeAll
  static void makeCertificates() throws Exception {
    rsa = TestCertificates.selfSigned(dir, "rsa", "RSA");
    ec = TestCertificates.selfSigned(dir, "ec", "EC");
    chained = TestCertificates.issuedByAnAuthority(dir, "chained");
  }

  @Test
  void readsAFullChainAndItsKeyWithPathsRelativeToTheFile() {
    Intake.Smtp smtp =
        smtp(
            """
            intake:
              smtp:
                listen: "0.0.0.0:2525"
                username: relay
                password: pw
                tls: {certificate_file: chained-fullchain.pem, key_file: chained-privkey.pem}
            """);

    Intake.Tls tls = smtp.tls().orElseThrow();
    assertThat(tls.chain()).containsExactlyElementsOf(chained.chain());
    assertThat(tls.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=chained");
    assertThat(tls.key().getEncoded()).isEqualTo(chained.key().getEncoded());
    assertThat(tls.certificateFile()).isEqualTo(chained.certificateFile());
    assertThat(smtp.authBeforeTls()).isFalse();
    assertThat(smtp.toString()).doesNotContain("modulus", "private", "pw");
  }

  @Test
  void readsRsaAndEcKeysInPkcs8AndInTheirTraditionalForms() throws Exception {
    byte[] ecPkcs8 = ec.key().getEncoded();
    List<byte[]> ecInfo = children(ecPkcs8);
    byte[] curve = children(ecInfo.get(1)).get(1);
    List<byte[]> sec1 = new ArrayList<>(children(content(ecInfo.get(2))));
    sec1.add(2, tlv(0xa0, curve));
    byte[] pkcs1 = content(children(rsa.key().getEncoded()).get(2));
    Path rsaTraditional = dir.resolve("rsa-traditional.key");
    Files.writeString(rsaTraditional, TestCertificates.pem("RSA PRIVATE KEY", pkcs1));
    Path ecTraditional = dir.resolve("ec-traditional.key");
    Files.writeString(
        ecTraditional,
        "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
            + TestCertificates.pem("EC PRIVATE KEY", tlv(0x30, sec1.toArray(new byte[0][]))));

    assertThat(tls(rsa.certificateFile(), rsa.keyFile()).key().getAlgorithm()).isEqualTo("RSA");
    assertThat(tls(ec.certificateFile(), ec.keyFile()).key().getAlgorithm()).isEqualTo("EC");
    assertThat(tls(rsa.certificateFile(), rsaTraditional).key().getEncoded())
        .isEqualTo(rsa.key().getEncoded());
    assertThat(tls(ec.certificateFile(), ecTraditional).key().getAlgorithm()).isEqualTo("EC");
  }

  @Test
  void aCertificateAndKeyInOneFileServeAsBoth() throws Exception {
    Path combined = dir.resolve("combined.pem");
    Files.writeString(
        combined, Files.readString(rsa.certificateFile()) + Files.readString(rsa.keyFile()));

    assertThat(tls(combined, combined).certificate()).isEqualTo(rsa.certificate());
  }

  @Test
  void saysWhichFileIsMissingOrIsNoPem() throws Exception {
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "not a certificate\n");

    assertThat(problems("missing.pem", "missing.key"))
        .containsExactly(
            "intake.smtp.tls.certificate_file: cannot read "
                + dir.resolve("missing.pem")
                + ": no such file",
            "intake.smtp.tls.key_file: cannot read "
                + dir.resolve("missing.key")
                + ": no such file");
    assertThat(problems(text.toString(), text.toString()))
        .containsExactly(
            "intake.smtp.tls.certificate_file: "
                + text
                + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
            "intake.smtp.tls.key_file: "
                + text
                + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
    assertThat(Yaml.problems("intake: {smtp: {tls: {}}}", dir, Map.of()))
        .containsExactly(
            "intake.smtp.tls.certificate_file: required", "intake.smtp.tls.key_file: required");
    assertThat(problems(dir.toString(), rsa.keyFile().toString()))
        .containsExactly(
            "intake.smtp.tls.certificate_file: cannot read " + dir + ": is a directory");
  }

  @Test
  void saysWhenTheFilesAreSwapped() {
    assertThat(problems(rsa.keyFile().toString(), rsa.certificateFile().toString()))
        .containsExactly(
            "intake.smtp.tls.certificate_file: "
                + rsa.keyFile()
                + " holds a private key, not a certificate"
                + " (are certificate_file and key_file swapped?)",
            "intake.smtp.tls.key_file: "
                + rsa.certificateFile()
                + " holds a certificate, not a private key"
                + " (are certificate_file and key_file swapped?)");
  }

  @Test
  void refusesAKeyOfAnotherCertificate() {
    assertThat(problems(rsa.certificateFile().toString(), chained.keyFile().toString()))
        .containsExactly(
            "intake.smtp.tls.key_file: does not match the first certificate in "
                + rsa.certificateFile()
                + " (CN=rsa), which must be the listener's own (with certbot: fullchain.pem)");
    assertThat(problems(rsa.certificateFile().toString(), ec.keyFile().toString()))
        .singleElement()
        .asString()
        .startsWith("intake.smtp.tls.key_file: does not match the first certificate");
  }

  @Test
  void refusesAChainOutOfOrder() throws Exception {
    Path reversed = dir.resolve("reversed.pem");
    Files.writeString(
        reversed,
        TestCertificates.pem("CERTIFICATE", chained.chain().get(1).getEncoded())
            + TestCertificates.pem("CERTIFICATE", chained.chain().get(0).getEncoded()));

    assertThat(problems(reversed.toString(), chained.keyFile().toString()))
        .containsExactly(
            "intake.smtp.tls.certificate_file: "
                + reversed
                + ": certificate 2 did not issue certificate 1;"
                + " the listener's own comes first, then each issuer in turn");
  }

  @Test
  void refusesAnEncryptedKeyAndBrokenPem() throws Exception {
    Path encrypted = dir.resolve("encrypted.key");
    Files.writeString(
        encrypted, TestCertificates.pem("ENCRYPTED PRIVATE KEY", new byte[] {0x30, 0x00}));
    Path legacy = dir.resolve("legacy.key");
    Files.writeString(
        legacy,
        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\n"
            + "MAA=\n-----END RSA PRIVATE KEY-----\n");
    Path unterminated = dir.resolve("unterminated.pem");
    Files.writeString(unterminated, "-----BEGIN CERTIFICATE-----\nMAA=\n");
    Path garbage = dir.resolve("garbage.key");
    Files.writeString(
        garbage, TestCertificates.pem("PRIVATE KEY", "junk".getBytes(StandardCharsets.US_ASCII)));

    for (Path key : List.of(encrypted, legacy)) {
      assertThat(problems(rsa.certificateFile().toString(), key.toString()))
          .containsExactly(
              "intake.smtp.tls.key_file: "
                  + key
                  + " holds an encrypted key; give it unencrypted"
                  + " (openssl pkey -in KEY -out KEY.pem), readable by this user only");
    }
    assertThat(problems(unterminated.toString(), garbage.toString()))
        .containsExactly(
            "intake.smtp.tls.certificate_file: "
                + unterminated
                + ": the CERTIFICATE block has no -----END CERTIFICATE----- line",
            "intake.smtp.tls.key_file: "
                + garbage
                + ": its PRIVATE KEY is not an RSA, EC or Ed25519 key the JDK reads;"
                + " convert it to PKCS#8 (openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem)");
  }

  @Test
  void beyondLoopbackAPasswordNeedsTls() {
    assertThat(
            Yaml.problems(
                "intake: {smtp: {listen: \"0.0.0.0:25\", username: relay, password: pw}}",
                dir,
                Map.of()))
        .containsExactly(
            "intake.smtp: a password over a non-loopback listener needs tls (0.0.0.0:25)");
    assertThatThrownBy(
            () ->
                new Intake.Smtp(
                    new ListenAddress("192.0.2.10", 25),
                    Intake.Protocol.SMTP,
                    1024,
                    Optional.of("relay"),
                    Optional.of(Secret.of("pw")),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a password over a non-loopback listener needs tls");
  }

  @Test
  void onLoopbackTlsIsOptionalAndAuthMayComeBeforeIt() {
    Intake.Smtp plain = smtp("intake: {smtp: {username: relay, password: pw}}");
    Intake.Smtp withTls =
        smtp(
            "intake: {smtp: {tls: {certificate_file: rsa-fullchain.pem,"
                + " key_file: rsa-privkey.pem}}}");

    assertThat(plain.tls()).isEmpty();
    assertThat(plain.authBeforeTls()).isTrue();
    assertThat(withTls.tls()).isPresent();
    assertThat(withTls.authBeforeTls()).isTrue();
  }

  @Test
  void beyondLoopbackTlsDoesNotReplaceTheCredentials() {
    assertThat(
            Yaml.problems(
                "intake: {smtp: {listen: \"0.0.0.0:25\", tls: {certificate_file:"
                    + " rsa-fullchain.pem, key_file: rsa-privkey.pem}}}",
                dir,
                Map.of()))
        .containsExactly(
            "intake.smtp: a username and password are required when listening beyond loopback"
                + " (0.0.0.0:25)");
  }

  // --- helpers

  private static Intake.Smtp smtp(String yaml) {
    return Config.parse(yaml, dir, Map.of()).intake().smtp().orElseThrow();
  }

  private static Intake.Tls tls(Path certificate, Path key) {
    return smtp("intake: {smtp: {tls: {certificate_file: \""
            + certificate
            + "\", key_file: \""
            + key
            + "\"}}}")
        .tls()
        .orElseThrow();
  }

  private static List<String> problems(String certificate, String key) {
    return Yaml.problems(
        "intake: {smtp: {tls: {certificate_file: \""
            + certificate
            + "\", key_file: \""
            + key
            + "\"}}}",
        dir,
        Map.of());
  }

  /** The elements inside a DER sequence, each with its tag and length. */
  private static List<byte[]> children(byte[] sequence) {
    byte[] content = content(sequence);
    List<byte[]> children = new ArrayList<>();
    for (int at = 0; at < content.length; ) {
      int end = at + headerLength(content, at) + contentLength(content, at);
      children.add(Arrays.copyOfRange(content, at, end));
      at = end;
    }
    return children;
  }

  private static byte[] content(byte[] element) {
    int from = headerLength(element, 0);
    return Arrays.copyOfRange(element, from, from + contentLength(element, 0));
  }

  private static int headerLength(byte[] der, int at) {
    int first = der[at + 1] & 0xff;
    return first < 0x80 ? 2 : 2 + (first - 0x80);
  }

  private static int contentLength(byte[] der, int at) {
    int first = der[at + 1] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int length = 0;
    for (int k = 0; k < first - 0x80; k++) {
      length = (length << 8) | (der[at + 2 + k] & 0xff);
    }
    return length;
  }

  private static byte[] tlv(int tag, byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      content.writeBytes(part);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    if (content.size() >= 0x80) {
      out.write(0x81);
    }
    out.write(content.size());
    out.writeBytes(content.toByteArray());
    return out.toByteArray();
  }
}
