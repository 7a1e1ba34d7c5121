package dev.abusedesk.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who may use the dashboard and how acknowledgement links are signed.
 *
 * @param token a login token, for single-user setups and scripts
 * @param linkSecret signs acknowledgement links; when absent the daemon generates and stores one
 */
public record Dashboard(
    List<Dashboard.User> users,
    Optional<Secret> token,
    Optional<Secret> linkSecret,
    int sessionHours) {

  public static final int DEFAULT_SESSION_HOURS = 12;

  /** A link secret shorter than this is too easy to guess for an HMAC key. */
  public static final int MIN_LINK_SECRET_LENGTH = 32;

  public Dashboard {
    users = List.copyOf(users);
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(linkSecret, "linkSecret");
    if (sessionHours < 1 || sessionHours > 720) {
      throw new IllegalArgumentException("session_hours must be between 1 and 720");
    }
    Set<String> names = new HashSet<>();
    for (User user : users) {
      if (!names.add(user.name())) {
        throw new IllegalArgumentException("duplicate dashboard user: " + user.name());
      }
    }
    if (linkSecret
        .filter(s -> s.problem().isEmpty())
        .map(s -> s.reveal().length() < MIN_LINK_SECRET_LENGTH)
        .orElse(false)) {
      throw new IllegalArgumentException("link_secret is too short");
    }
  }

  public static Dashboard defaults() {
    return new Dashboard(List.of(), Optional.empty(), Optional.empty(), DEFAULT_SESSION_HOURS);
  }

  public Optional<User> user(String name) {
    return users.stream().filter(u -> u.name().equals(name)).findFirst();
  }

  /**
   * A dashboard login. The hash is not a secret in the strict sense but is worth guessing against,
   * so it is not printed either.
   */
  public record User(String name, String passwordHash) {
    public User {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(passwordHash, "passwordHash");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a user needs a name");
      }
      if (!PasswordHash.isWellFormed(passwordHash)) {
        throw new IllegalArgumentException("not a " + PasswordHash.SCHEME + " hash");
      }
    }

    /** Whether {@code password} is this user's. */
    public boolean accepts(char[] password) {
      return PasswordHash.verify(password, passwordHash);
    }

    @Override
    public String toString() {
      return "User[name=" + name + ", passwordHash=***]";
    }
  }
}
