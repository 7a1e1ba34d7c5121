package dev.abusedesk.app.serve;

import dev.abusedesk.config.Intake;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.subethamail.smtp.server.SSLSocketCreator;

/**
 * The server side of STARTTLS for the SMTP/LMTP listener: the configured certificate chain and key
 * in memory, TLS 1.2 and 1.3 only, the JDK's default cipher suites (no anonymous, export or null
 * ones; the library's own default would enable every supported suite).
 */
final class StartTls implements SSLSocketCreator {

  static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private final SSLContext context;
  private final String[] protocols;

  StartTls(Intake.Tls tls) {
    Objects.requireNonNull(tls, "tls");
    try {
      // A key store that lives only in memory; its password protects nothing and goes nowhere.
      char[] password = new char[0];
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("abusedesk", tls.key(), password, tls.chain().toArray(new Certificate[0]));
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, new SecureRandom());
    } catch (GeneralSecurityException | IOException e) {
      throw new IntakeException("cannot set up TLS with " + tls.certificateFile() + ": " + e, e);
    }
    List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
    protocols = PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new);
    if (protocols.length == 0) {
      throw new IntakeException("this JVM offers neither TLS 1.3 nor TLS 1.2", null);
    }
  }

  @Override
  public SSLSocket createSSLSocket(Socket socket) throws IOException {
    InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
    // getHostString: the address as text, never a reverse DNS lookup per connection.
    SSLSocket tls =
        (SSLSocket)
            context
                .getSocketFactory()
                .createSocket(socket, remote.getHostString(), remote.getPort(), true);
    tls.setUseClientMode(false);
    SSLParameters parameters = context.getDefaultSSLParameters();
    parameters.setProtocols(protocols);
    tls.setSSLParameters(parameters);
    return tls;
  }

  /**
   * What an operator should hear about on start: a certificate outside its validity (a mail server
   * that checks it refuses to relay; one that does not, as most over STARTTLS, goes on), a key file
   * anyone on the machine can read.
   */
  static List<String> warnings(Intake.Tls tls, Instant now) {
    List<String> warnings = new ArrayList<>();
    Instant from = tls.certificate().getNotBefore().toInstant();
    Instant until = tls.certificate().getNotAfter().toInstant();
    String certificate =
        "the certificate "
            + tls.certificate().getSubjectX500Principal().getName()
            + " in "
            + tls.certificateFile();
    if (now.isAfter(until)) {
      warnings.add(
          certificate
              + " expired at "
              + until
              + "; senders that check it will not relay (renew it and restart)");
    } else if (now.isBefore(from)) {
      warnings.add(certificate + " is valid only from " + from);
    }
    try {
      if (Files.getPosixFilePermissions(tls.keyFile()).contains(PosixFilePermission.OTHERS_READ)) {
        warnings.add(
            "the private key "
                + tls.keyFile()
                + " is readable by every user of this machine; chmod 0600 it");
      }
    } catch (IOException | UnsupportedOperationException e) {
      // It was read a moment ago; a file system without POSIX permissions has nothing to say.
    }
    return warnings;
  }
}
