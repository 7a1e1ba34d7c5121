package dev.abusedesk.links;

import dev.abusedesk.config.Config;
import dev.abusedesk.spool.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring acknowledgement links for chat tools without buttons: {@code
 * /dashboard/ack/ID?exp=EPOCH_SECONDS&sig=HMAC}, the HMAC-SHA256 of {@code ack:ID:EXP} with {@code
 * dashboard.link_secret}, or with a secret generated once into the data directory when none is
 * configured. Whatever makes alerts signs with it (the CLI, the daemon, the Lambda functions) and
 * the dashboard checks with it. The link only opens a confirm page; acknowledging takes a POST.
 */
public final class AckLinks {

  public static final Duration VALIDITY = Duration.ofDays(7);

  private static final System.Logger LOG = System.getLogger(AckLinks.class.getName());

  /** The file the generated secret lives in, inside the data directory. */
  static final String SECRET_FILE = "dashboard-link-secret";

  /** What a presented link is worth. */
  public enum Verdict {
    VALID,
    EXPIRED,
    FORGED
  }

  private final byte[] key;
  private final Clock clock;
  private final Optional<URI> publicUrl;

  AckLinks(byte[] key, Clock clock, Optional<URI> publicUrl) {
    this.key = key.clone();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
  }

  /** The links of this installation: the configured secret, else the generated one. */
  public static AckLinks of(Config config, Path dataDir, Clock clock) {
    return configured(config, clock)
        .orElseGet(
            () ->
                new AckLinks(
                    generatedSecret(dataDir).getBytes(StandardCharsets.UTF_8),
                    clock,
                    config.publicUrl()));
  }

  /**
   * The links signed with {@code dashboard.link_secret}, when the configuration sets it: for a
   * process whose data directory does not last (a Lambda container's), where a generated secret
   * would sign links that no dashboard can check.
   */
  public static Optional<AckLinks> configured(Config config, Clock clock) {
    return config
        .dashboard()
        .linkSecret()
        .map(
            secret ->
                new AckLinks(
                    secret.reveal().getBytes(StandardCharsets.UTF_8), clock, config.publicUrl()));
  }

  /** The signed link for a case, valid for {@link #VALIDITY}, when the public URL is known. */
  public Optional<URI> link(long caseId) {
    long expires = clock.instant().plus(VALIDITY).getEpochSecond();
    return publicUrl.map(
        base ->
            URI.create(
                base.toString().replaceAll("/+$", "")
                    + path(caseId)
                    + "?exp="
                    + expires
                    + "&sig="
                    + sign(caseId, expires)));
  }

  /**
   * Links to customers' response pages, signed with this installation's key, valid for {@code
   * validity}.
   */
  public CustomerLinks customerLinks(Duration validity) {
    return new CustomerLinks(key, clock, publicUrl, validity);
  }

  /** Where the dashboard answers the link of a case. */
  public static String path(long caseId) {
    return "/dashboard/ack/" + caseId;
  }

  /** What the {@code exp} and {@code sig} of a link presented for a case are worth now. */
  public Verdict check(long caseId, String exp, String sig) {
    if (exp == null || sig == null || !exp.matches("\\d{1,12}")) {
      return Verdict.FORGED;
    }
    long expires = Long.parseLong(exp);
    byte[] expected = sign(caseId, expires).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII))) {
      return Verdict.FORGED;
    }
    return clock.instant().isBefore(Instant.ofEpochSecond(expires))
        ? Verdict.VALID
        : Verdict.EXPIRED;
  }

  /** The query string of a link, for tests and the confirm form. */
  public String query(long caseId, long expiresEpochSecond) {
    return "exp=" + expiresEpochSecond + "&sig=" + sign(caseId, expiresEpochSecond);
  }

  private String sign(long caseId, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] sig = mac.doFinal(("ack:" + caseId + ":" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** Reads the generated secret, creating it (readable by the owner only) the first time. */
  static String generatedSecret(Path dataDir) {
    Path file = dataDir.resolve(SECRET_FILE);
    try {
      if (!Files.exists(file)) {
        PrivateFiles.createDirectories(dataDir);
        String secret = randomSecret();
        try {
          // 0600 from its creation: set afterwards, it would be readable for an instant.
          PrivateFiles.writeNew(file, secret.getBytes(StandardCharsets.US_ASCII));
        } catch (FileAlreadyExistsException e) {
          // Another process made it first: use theirs.
        }
      } else if (PrivateFiles.tighten(file) > 0) {
        LOG.log(
            System.Logger.Level.INFO,
            "{0}: was open to group or others, now for its owner only",
            file.toAbsolutePath());
      }
      String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (secret.length() < 32) {
        throw new IllegalStateException(file + " holds no usable secret; delete it to make anew");
      }
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the link secret in " + file, e);
    }
  }

  /** 256 random bits, URL-safe: 43 characters. */
  private static String randomSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
