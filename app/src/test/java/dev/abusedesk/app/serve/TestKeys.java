package dev.abusedesk.app.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An RSA key pair and its self-signed certificate, made by the JDK's keytool: the stand-in for
 * SNS's signing key in tests.
 */
record TestKeys(PrivateKey privateKey, X509Certificate certificate) {

  private static final String PASSWORD = "test-only";

  /**
   * @param startDate keytool's {@code -startdate}, e.g. {@code -1d}
   * @param days how long the certificate is valid from then
   */
  static TestKeys generate(Path dir, String alias, String startDate, int days)
      throws IOException, InterruptedException, GeneralSecurityException {
    Path store = dir.resolve(alias + ".p12");
    Process keytool =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair",
                    "-alias",
                    alias,
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-dname",
                    "CN=sns.amazonaws.com",
                    "-startdate",
                    startDate,
                    "-validity",
                    Integer.toString(days),
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    store.toString(),
                    "-storepass",
                    PASSWORD,
                    "-keypass",
                    PASSWORD))
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
      throw new IOException("keytool failed: " + output);
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    return new TestKeys(
        (PrivateKey) keys.getKey(alias, PASSWORD.toCharArray()),
        (X509Certificate) keys.getCertificate(alias));
  }

  /** The certificate as SNS serves it: PEM. */
  byte[] pem() throws GeneralSecurityException {
    String base64 =
        Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded());
    return ("-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Base64 of the signature over {@code text}, as SNS computes it for the version. */
  String sign(String text, String signatureVersion) throws GeneralSecurityException {
    Signature signer =
        Signature.getInstance(signatureVersion.equals("1") ? "SHA1withRSA" : "SHA256withRSA");
    signer.initSign(privateKey);
    signer.update(text.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(signer.sign());
  }
}
