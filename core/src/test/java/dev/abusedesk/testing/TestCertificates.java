package dev.abusedesk.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates and keys for TLS tests, made by the JDK's keytool and written as the PEM files a
 * certificate authority's client (certbot) leaves: the certificate chain in one file, the PKCS#8
 * private key in another. Every certificate names {@code localhost} and {@code 127.0.0.1}.
 */
public final class TestCertificates {

  private static final String PASSWORD = "test-only";

  private TestCertificates() {}

  /** A certificate, the chain it comes with (itself first) and the files they were written to. */
  public record Issued(
      String name,
      PrivateKey key,
      List<X509Certificate> chain,
      Path certificateFile,
      Path keyFile) {

    public X509Certificate certificate() {
      return chain.get(0);
    }

    /** The key as PEM: PKCS#8, {@code PRIVATE KEY}. */
    public String keyPem() {
      return pem("PRIVATE KEY", key.getEncoded());
    }
  }

  /**
   * A self-signed certificate.
   *
   * @param keyAlgorithm {@code RSA} or {@code EC}
   */
  public static Issued selfSigned(Path dir, String name, String keyAlgorithm)
      throws IOException, InterruptedException, GeneralSecurityException {
    Path store = dir.resolve(name + ".p12");
    keytool(
        "-genkeypair",
        "-alias",
        name,
        "-keyalg",
        keyAlgorithm,
        "-dname",
        "CN=" + name,
        "-ext",
        "san=dns:localhost,ip:127.0.0.1",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        store.toString(),
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    KeyStore keys = load(store);
    X509Certificate certificate = (X509Certificate) keys.getCertificate(name);
    return write(
        dir, name, (PrivateKey) keys.getKey(name, PASSWORD.toCharArray()), List.of(certificate));
  }

  /**
   * A certificate issued by a made-up certificate authority: its chain is the certificate, then the
   * authority's, as in certbot's {@code fullchain.pem}.
   */
  public static Issued issuedByAnAuthority(Path dir, String name)
      throws IOException, InterruptedException, GeneralSecurityException {
    Path caStore = dir.resolve(name + "-ca.p12");
    Path store = dir.resolve(name + ".p12");
    Path request = dir.resolve(name + ".csr");
    Path issued = dir.resolve(name + ".cer");
    keytool(
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "RSA",
        "-dname",
        "CN=Test Authority " + name,
        "-ext",
        "bc:c",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        caStore.toString(),
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    keytool(
        "-genkeypair",
        "-alias",
        name,
        "-keyalg",
        "RSA",
        "-dname",
        "CN=" + name,
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        store.toString(),
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    keytool(
        "-certreq",
        "-alias",
        name,
        "-keystore",
        store.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        request.toString());
    keytool(
        "-gencert",
        "-alias",
        "ca",
        "-keystore",
        caStore.toString(),
        "-storepass",
        PASSWORD,
        "-infile",
        request.toString(),
        "-outfile",
        issued.toString(),
        "-validity",
        "2",
        "-ext",
        "san=dns:localhost,ip:127.0.0.1");
    X509Certificate authority = (X509Certificate) load(caStore).getCertificate("ca");
    X509Certificate certificate;
    try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(issued))) {
      certificate =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    PrivateKey key = (PrivateKey) load(store).getKey(name, PASSWORD.toCharArray());
    return write(dir, name, key, List.of(certificate, authority));
  }

  /** PEM text of one block. */
  public static String pem(String label, byte[] der) {
    String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
  }

  private static Issued write(Path dir, String name, PrivateKey key, List<X509Certificate> chain)
      throws IOException, GeneralSecurityException {
    StringBuilder certificates = new StringBuilder();
    for (X509Certificate certificate : chain) {
      certificates.append(pem("CERTIFICATE", certificate.getEncoded()));
    }
    Path certificateFile = dir.resolve(name + "-fullchain.pem");
    Path keyFile = dir.resolve(name + "-privkey.pem");
    Files.writeString(certificateFile, certificates, StandardCharsets.US_ASCII);
    Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
    return new Issued(name, key, List.copyOf(chain), certificateFile, keyFile);
  }

  private static KeyStore load(Path store) throws IOException, GeneralSecurityException {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    return keys;
  }

  private static void keytool(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
      throw new IOException("keytool " + arguments[0] + " failed: " + output);
    }
  }
}
