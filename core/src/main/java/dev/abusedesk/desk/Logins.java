package dev.abusedesk.desk;

import dev.abusedesk.config.Dashboard;
import dev.abusedesk.config.PasswordHash;
import dev.abusedesk.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a login form names: a configured user with the right password, or anyone with the token
 * (named as they typed, else {@code token}). Every check verifies one password hash, a missing
 * user's against a decoy of the users' own cost, so that a wrong name answers no faster than a
 * wrong password.
 */
final class Logins {

  /** Checks a password against a stored hash; {@link PasswordHash#verify} outside tests. */
  @FunctionalInterface
  interface Hashes {
    boolean verify(char[] password, String stored);
  }

  private final Dashboard dashboard;
  private final Hashes hashes;
  private final String decoy;

  Logins(Dashboard dashboard, Hashes hashes) {
    this.dashboard = Objects.requireNonNull(dashboard, "dashboard");
    this.hashes = Objects.requireNonNull(hashes, "hashes");
    int iterations =
        dashboard.users().stream()
            .mapToInt(
                u ->
                    PasswordHash.iterations(u.passwordHash())
                        .orElse(PasswordHash.defaultIterations()))
            .max()
            .orElse(PasswordHash.defaultIterations());
    this.decoy = PasswordHash.decoy(iterations);
  }

  /** The hash a missing user's password is checked against. */
  String decoy() {
    return decoy;
  }

  Optional<String> check(String user, String password) {
    String name = Actions.actor(user);
    Optional<Dashboard.User> known = dashboard.user(name);
    char[] typed = password.toCharArray();
    try {
      boolean matches = hashes.verify(typed, known.map(Dashboard.User::passwordHash).orElse(decoy));
      if (known.isPresent()) {
        return matches ? Optional.of(name) : Optional.empty();
      }
    } finally {
      Arrays.fill(typed, '\0');
    }
    if (dashboard.token().isPresent() && sameSecret(password, dashboard.token().get())) {
      return Optional.of(name.isEmpty() ? "token" : name);
    }
    return Optional.empty();
  }

  private static boolean sameSecret(String given, Secret expected) {
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.reveal().getBytes(StandardCharsets.UTF_8));
  }
}
