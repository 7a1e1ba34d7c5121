package dev.abusedesk.config;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How reports reach the daemon besides the command line. Each listener is on only when its section
 * is in the file; without an {@code intake} section all are off.
 *
 * @param trustedAuthservIds the authserv-ids of the operator's own mail servers: only their {@code
 *     Authentication-Results} headers are believed (anyone can write such a header into a mail)
 */
public record Intake(
    Optional<Smtp> smtp,
    Optional<Http> http,
    Optional<Imap> imap,
    List<String> trustedAuthservIds) {

  /** 30 MiB: AWS reports with attached evidence stay well below it. */
  public static final long DEFAULT_MAX_BYTES = 31_457_280;

  public Intake {
    Objects.requireNonNull(smtp, "smtp");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(imap, "imap");
    trustedAuthservIds = List.copyOf(trustedAuthservIds);
  }

  public Intake(Optional<Smtp> smtp, Optional<Http> http, Optional<Imap> imap) {
    this(smtp, http, imap, List.of());
  }

  /** The same intake, believing the Authentication-Results of these servers. */
  public Intake trusting(List<String> authservIds) {
    return new Intake(smtp, http, imap, authservIds);
  }

  public static Intake off() {
    return new Intake(Optional.empty(), Optional.empty(), Optional.empty());
  }

  public boolean isOff() {
    return smtp.isEmpty() && http.isEmpty() && imap.isEmpty();
  }

  /** The dialect the mail listener speaks. */
  public enum Protocol {
    SMTP,
    LMTP;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * An SMTP or LMTP listener AWS mail is forwarded or delivered to. Beyond loopback it requires
   * AUTH ({@code username} and {@code password}) and, since the password would otherwise cross the
   * network in clear text, {@code tls}.
   *
   * @param tls offered with STARTTLS when present
   */
  public record Smtp(
      ListenAddress listen,
      Protocol protocol,
      long maxMessageBytes,
      Optional<String> username,
      Optional<Secret> password,
      Optional<Tls> tls) {

    public static final ListenAddress DEFAULT_LISTEN = new ListenAddress("127.0.0.1", 2525);

    public Smtp {
      Objects.requireNonNull(listen, "listen");
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      if (maxMessageBytes < 1) {
        throw new IllegalArgumentException("max_message_bytes must be positive");
      }
      if (username.isPresent() != password.isPresent()) {
        throw new IllegalArgumentException("username and password go together");
      }
      Objects.requireNonNull(tls, "tls");
      if (!listen.isLoopback() && username.isEmpty()) {
        throw new IllegalArgumentException("beyond loopback an SMTP listener needs credentials");
      }
      if (!listen.isLoopback() && password.isPresent() && tls.isEmpty()) {
        throw new IllegalArgumentException("a password over a non-loopback listener needs tls");
      }
    }

    /**
     * Whether AUTH may be offered and taken before STARTTLS: only on loopback, where the password
     * never leaves the machine.
     */
    public boolean authBeforeTls() {
      return listen.isLoopback();
    }
  }

  /**
   * The certificate and private key the SMTP listener offers STARTTLS with, read from PEM files
   * when the configuration is loaded: a renewed certificate is taken on the next start.
   *
   * @param chain the listener's own certificate first, then those that issued it
   */
  public record Tls(
      Path certificateFile, Path keyFile, List<X509Certificate> chain, PrivateKey key) {

    public Tls {
      Objects.requireNonNull(certificateFile, "certificateFile");
      Objects.requireNonNull(keyFile, "keyFile");
      chain = List.copyOf(chain);
      Objects.requireNonNull(key, "key");
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("a certificate is required");
      }
    }

    /** The listener's own certificate. */
    public X509Certificate certificate() {
      return chain.get(0);
    }

    /** The file names only: a key never reaches a log. */
    @Override
    public String toString() {
      return "Tls[certificate_file=" + certificateFile + ", key_file=" + keyFile + "]";
    }
  }

  /**
   * An HTTP endpoint for AWS Health events (EventBridge API destinations, SNS subscriptions).
   * Beyond loopback it requires a {@code token}.
   *
   * @param snsTopics the SNS topic ARNs whose subscription confirmations are accepted
   */
  public record Http(
      ListenAddress listen, Optional<Secret> token, List<String> snsTopics, long maxBodyBytes) {

    public static final ListenAddress DEFAULT_LISTEN = new ListenAddress("127.0.0.1", 8080);

    public Http {
      Objects.requireNonNull(listen, "listen");
      Objects.requireNonNull(token, "token");
      snsTopics = List.copyOf(snsTopics);
      if (maxBodyBytes < 1) {
        throw new IllegalArgumentException("max_body_bytes must be positive");
      }
      if (!listen.isLoopback() && token.isEmpty()) {
        throw new IllegalArgumentException("beyond loopback an HTTP listener needs a token");
      }
    }
  }

  /**
   * A mailbox polled over IMAP. Exactly one of {@code password} and {@code oauth2Token}.
   *
   * @param moveTo the folder read messages go to; without it they are marked seen
   */
  public record Imap(
      String host,
      int port,
      boolean tls,
      String username,
      Optional<Secret> password,
      Optional<Secret> oauth2Token,
      String folder,
      Optional<String> moveTo,
      Duration interval) {

    public Imap {
      Objects.requireNonNull(host, "host");
      Ports.require(port);
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(oauth2Token, "oauth2Token");
      Objects.requireNonNull(folder, "folder");
      Objects.requireNonNull(moveTo, "moveTo");
      Objects.requireNonNull(interval, "interval");
      if (password.isPresent() == oauth2Token.isPresent()) {
        throw new IllegalArgumentException("exactly one of password and oauth2_token");
      }
      if (interval.isZero() || interval.isNegative()) {
        throw new IllegalArgumentException("interval must be positive");
      }
    }
  }
}
