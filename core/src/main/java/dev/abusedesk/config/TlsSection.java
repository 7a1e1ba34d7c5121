package dev.abusedesk.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code intake.smtp.tls:} — the listener's certificate (with the certificates that issued it) and
 * its private key, from PEM files, read with the JDK alone. Each mistake is one problem naming the
 * file: missing, not PEM, swapped, encrypted, a key that does not match the certificate.
 */
final class TlsSection {

  static final int MAX_FILE_BYTES = 1 << 20;

  /** Key types a TLS server certificate can have in the JDK, and how to test a key against it. */
  private static final Map<String, String> SIGNATURES =
      Map.of("RSA", "SHA256withRSA", "EC", "SHA256withECDSA", "EdDSA", "EdDSA");

  private static final Set<String> KEY_LABELS =
      Set.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY");
  private static final String CERTIFICATE = "CERTIFICATE";
  private static final String SWAPPED = " (are certificate_file and key_file swapped?)";

  private TlsSection() {}

  static Optional<Intake.Tls> read(Section tls) {
    Optional<Path> certificateFile =
        tls.require("certificate_file") ? tls.filePath("certificate_file") : Optional.empty();
    Optional<Path> keyFile = tls.require("key_file") ? tls.filePath("key_file") : Optional.empty();
    Optional<List<X509Certificate>> chain = certificateFile.flatMap(file -> chain(tls, file));
    Optional<PrivateKey> key = keyFile.flatMap(file -> key(tls, file));
    if (chain.isEmpty() || key.isEmpty()) {
      return Optional.empty();
    }
    X509Certificate own = chain.get().get(0);
    if (!matches(key.get(), own.getPublicKey())) {
      tls.problem(
          "key_file",
          "does not match the first certificate in "
              + certificateFile.get()
              + " ("
              + own.getSubjectX500Principal().getName()
              + "), which must be the listener's own (with certbot: fullchain.pem)");
      return Optional.empty();
    }
    return Optional.of(
        new Intake.Tls(certificateFile.get(), keyFile.get(), chain.get(), key.get()));
  }

  private static Optional<List<X509Certificate>> chain(Section tls, Path file) {
    Optional<List<Pem.Block>> blocks = blocks(tls, "certificate_file", file);
    if (blocks.isEmpty()) {
      return Optional.empty();
    }
    List<X509Certificate> chain = new ArrayList<>();
    boolean keys = false;
    for (Pem.Block block : blocks.get()) {
      keys |= KEY_LABELS.contains(block.label());
      if (!block.label().equals(CERTIFICATE)) {
        continue;
      }
      try {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        chain.add(
            (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
      } catch (CertificateException e) {
        tls.problem(
            "certificate_file",
            file + ": certificate " + (chain.size() + 1) + " is not an X.509 certificate");
        return Optional.empty();
      }
    }
    if (chain.isEmpty()) {
      tls.problem(
          "certificate_file",
          keys
              ? file + " holds a private key, not a certificate" + SWAPPED
              : file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
      return Optional.empty();
    }
    String algorithm = chain.get(0).getPublicKey().getAlgorithm();
    if (signature(algorithm).isEmpty()) {
      tls.problem(
          "certificate_file",
          file + " holds a " + algorithm + " certificate; give an RSA, EC or Ed25519 one");
      return Optional.empty();
    }
    for (int i = 0; i + 1 < chain.size(); i++) {
      if (!chain
          .get(i)
          .getIssuerX500Principal()
          .equals(chain.get(i + 1).getSubjectX500Principal())) {
        tls.problem(
            "certificate_file",
            file
                + ": certificate "
                + (i + 2)
                + " did not issue certificate "
                + (i + 1)
                + "; the listener's own comes first, then each issuer in turn");
        return Optional.empty();
      }
    }
    return Optional.of(chain);
  }

  private static Optional<PrivateKey> key(Section tls, Path file) {
    Optional<List<Pem.Block>> blocks = blocks(tls, "key_file", file);
    if (blocks.isEmpty()) {
      return Optional.empty();
    }
    List<Pem.Block> keys =
        blocks.get().stream().filter(block -> KEY_LABELS.contains(block.label())).toList();
    if (keys.size() != 1) {
      boolean certificates =
          blocks.get().stream().anyMatch(block -> block.label().equals(CERTIFICATE));
      tls.problem(
          "key_file",
          keys.size() > 1
              ? file + " holds " + keys.size() + " private keys; give the one of the certificate"
              : certificates
                  ? file + " holds a certificate, not a private key" + SWAPPED
                  : file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
      return Optional.empty();
    }
    Pem.Block block = keys.get(0);
    if (block.label().equals("ENCRYPTED PRIVATE KEY") || block.legacyEncrypted()) {
      tls.problem(
          "key_file",
          file
              + " holds an encrypted key; give it unencrypted"
              + " (openssl pkey -in KEY -out KEY.pem), readable by this user only");
      return Optional.empty();
    }
    Optional<byte[]> pkcs8;
    try {
      pkcs8 =
          switch (block.label()) {
            case "RSA PRIVATE KEY" -> Optional.of(Pem.pkcs8FromPkcs1(block.der()));
            case "EC PRIVATE KEY" -> Pem.pkcs8FromSec1(block.der());
            default -> Optional.of(block.der());
          };
    } catch (Pem.Malformed e) {
      pkcs8 = Optional.empty();
    }
    Optional<PrivateKey> key = pkcs8.flatMap(TlsSection::privateKey);
    if (key.isEmpty()) {
      tls.problem(
          "key_file",
          file
              + ": its "
              + block.label()
              + " is not an RSA, EC or Ed25519 key the JDK reads; convert it to PKCS#8"
              + " (openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem)");
    }
    return key;
  }

  /** The PEM blocks of a file, or empty with the problem reported. */
  private static Optional<List<Pem.Block>> blocks(Section tls, String key, Path file) {
    Optional<String> text = text(tls, key, file);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Pem.blocks(text.get()));
    } catch (Pem.Malformed e) {
      tls.problem(key, file + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<String> text(Section tls, String key, Path file) {
    if (Files.isDirectory(file)) {
      tls.problem(key, "cannot read " + file + ": is a directory");
      return Optional.empty();
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (NoSuchFileException e) {
      tls.problem(key, "cannot read " + file + ": no such file");
      return Optional.empty();
    } catch (AccessDeniedException e) {
      tls.problem(key, "cannot read " + file + ": permission denied");
      return Optional.empty();
    } catch (IOException e) {
      tls.problem(key, "cannot read " + file + ": " + e.getClass().getSimpleName());
      return Optional.empty();
    }
    if (bytes.length > MAX_FILE_BYTES) {
      tls.problem(key, file + " is larger than 1 MiB; it is not a PEM file");
      return Optional.empty();
    }
    // PEM is ASCII; anything else is ignored between blocks and refused inside them.
    return Optional.of(new String(bytes, StandardCharsets.ISO_8859_1));
  }

  private static Optional<PrivateKey> privateKey(byte[] pkcs8) {
    for (String algorithm : SIGNATURES.keySet()) {
      try {
        return Optional.of(
            KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
      } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
        // Not this kind of key: try the next.
      }
    }
    return Optional.empty();
  }

  /** Whether the key signs what the certificate's public key verifies. */
  private static boolean matches(PrivateKey key, PublicKey certified) {
    Optional<String> algorithm = signature(certified.getAlgorithm());
    if (algorithm.isEmpty() || signature(key.getAlgorithm()).isEmpty()) {
      return false;
    }
    byte[] challenge = new byte[32];
    new SecureRandom().nextBytes(challenge);
    try {
      Signature signer = Signature.getInstance(algorithm.get());
      signer.initSign(key);
      signer.update(challenge);
      byte[] signed = signer.sign();
      Signature verifier = Signature.getInstance(algorithm.get());
      verifier.initVerify(certified);
      verifier.update(challenge);
      return verifier.verify(signed);
    } catch (GeneralSecurityException e) {
      // A key of another type than the certificate's.
      return false;
    }
  }

  private static Optional<String> signature(String keyAlgorithm) {
    String family =
        keyAlgorithm.equals("Ed25519") || keyAlgorithm.equals("Ed448") ? "EdDSA" : keyAlgorithm;
    return Optional.ofNullable(SIGNATURES.get(family));
  }
}
