package dev.abusedesk.links;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring links that take one customer contact to the response page of one case: {@code
 * /respond/NOTICE?l=LINK&exp=EPOCH_SECONDS&sig=HMAC}, the HMAC-SHA256 of {@code
 * respond:NOTICE:LINK:EXP} with the installation's link secret (the acknowledgement links' key,
 * under another prefix, so that neither kind of link can pass for the other). {@code LINK} is the
 * notice's current link ID: re-sending a notice gives it a new one, which is how an old link is
 * revoked; the page checks it against the store.
 */
public final class CustomerLinks {

  /** How a link ID looks: 32 random bytes in base64url, as the store makes them. */
  private static final Pattern LINK_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");

  private final byte[] key;
  private final Clock clock;
  private final Optional<URI> publicUrl;
  private final Duration validity;

  CustomerLinks(byte[] key, Clock clock, Optional<URI> publicUrl, Duration validity) {
    this.key = key.clone();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
    this.validity = Objects.requireNonNull(validity, "validity");
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("a link is valid for some time: " + validity);
    }
  }

  /** Where the response page of a notice is answered. */
  public static String path(long noticeId) {
    return "/respond/" + noticeId;
  }

  /**
   * The signed link of a notice with this link ID, valid for the configured time from now; empty
   * without a public URL (nobody outside could follow it).
   */
  public Optional<URI> link(long noticeId, String linkId) {
    requireLinkId(linkId);
    long expires = clock.instant().plus(validity).getEpochSecond();
    return publicUrl.map(
        base ->
            URI.create(
                base.toString().replaceAll("/+$", "")
                    + path(noticeId)
                    + "?"
                    + query(noticeId, linkId, expires)));
  }

  /** The query string of a link: for the page's form, which carries it on. */
  public String query(long noticeId, String linkId, long expiresEpochSecond) {
    requireLinkId(linkId);
    return "l="
        + linkId
        + "&exp="
        + expiresEpochSecond
        + "&sig="
        + sign(noticeId, linkId, expiresEpochSecond);
  }

  /**
   * What the {@code l}, {@code exp} and {@code sig} of a link presented for a notice are worth now.
   * A valid link still has to name the notice's current link ID (the store's).
   */
  public AckLinks.Verdict check(long noticeId, String linkId, String exp, String sig) {
    if (linkId == null
        || exp == null
        || sig == null
        || !LINK_ID.matcher(linkId).matches()
        || !exp.matches("\\d{1,12}")) {
      return AckLinks.Verdict.FORGED;
    }
    long expires = Long.parseLong(exp);
    byte[] expected = sign(noticeId, linkId, expires).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII))) {
      return AckLinks.Verdict.FORGED;
    }
    return clock.instant().isBefore(Instant.ofEpochSecond(expires))
        ? AckLinks.Verdict.VALID
        : AckLinks.Verdict.EXPIRED;
  }

  private static void requireLinkId(String linkId) {
    if (linkId == null || !LINK_ID.matcher(linkId).matches()) {
      throw new IllegalArgumentException("not a link ID");
    }
  }

  private String sign(long noticeId, String linkId, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] sig =
          mac.doFinal(
              ("respond:" + noticeId + ":" + linkId + ":" + expires)
                  .getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
