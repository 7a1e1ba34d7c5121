package dev.abusedesk.config;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Dashboard passwords, stored as {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (salt and hash in
 * Base64): PBKDF2 with HMAC-SHA256, 210 000 iterations (OWASP's 2023 figure), a 16-byte random salt
 * and a 32-byte hash.
 */
public final class PasswordHash {

  static final String SCHEME = "pbkdf2-sha256";
  static final int ITERATIONS = 210_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  // Bounds for stored hashes, so that a hand-edited value cannot make a login take minutes.
  private static final int MIN_ITERATIONS = 100_000;
  private static final int MAX_ITERATIONS = 10_000_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  /** A new hash of {@code password} with a fresh salt. The caller may wipe the array after. */
  public static String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = pbkdf2(password, salt, ITERATIONS);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return SCHEME
        + "$"
        + ITERATIONS
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }

  /**
   * Whether {@code password} is the one {@code stored} was made from; false for a malformed hash.
   */
  public static boolean verify(char[] password, String stored) {
    return Parts.of(stored)
        .map(p -> MessageDigest.isEqual(pbkdf2(password, p.salt, p.iterations), p.hash))
        .orElse(false);
  }

  /**
   * A well-formed hash with {@code iterations} that no password is known to match (its hash is
   * random bytes): checked in place of a missing user's, so that an unknown name costs what a known
   * one does.
   */
  public static String decoy(int iterations) {
    if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("iterations out of range: " + iterations);
    }
    byte[] salt = new byte[SALT_BYTES];
    byte[] hash = new byte[HASH_BYTES];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(hash);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return SCHEME
        + "$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }

  /** The iterations of a stored hash, which set the work of checking a password against it. */
  public static OptionalInt iterations(String stored) {
    return Parts.of(stored).map(p -> OptionalInt.of(p.iterations)).orElse(OptionalInt.empty());
  }

  /** The iterations {@link #hash} uses. */
  public static int defaultIterations() {
    return ITERATIONS;
  }

  /** Whether {@code stored} has the shape {@link #hash} produces. */
  static boolean isWellFormed(String stored) {
    return Parts.of(stored).isPresent();
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
    } finally {
      spec.clearPassword();
    }
  }

  private static final class Parts {
    final int iterations;
    final byte[] salt;
    final byte[] hash;

    private Parts(int iterations, byte[] salt, byte[] hash) {
      this.iterations = iterations;
      this.salt = salt;
      this.hash = hash;
    }

    static Optional<Parts> of(String stored) {
      String[] fields = stored.split("\\$", -1);
      if (fields.length != 4 || !fields[0].equals(SCHEME) || !fields[1].matches("\\d{1,9}")) {
        return Optional.empty();
      }
      int iterations = Integer.parseInt(fields[1]);
      if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
        return Optional.empty();
      }
      try {
        byte[] salt = Base64.getDecoder().decode(fields[2]);
        byte[] hash = Base64.getDecoder().decode(fields[3]);
        if (salt.length < 8 || hash.length != HASH_BYTES) {
          return Optional.empty();
        }
        return Optional.of(new Parts(iterations, salt, hash));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }
}
