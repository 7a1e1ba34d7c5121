package dev.abusedesk.config;

import java.util.Objects;
import java.util.Optional;

/** The SMTP relay the dashboard sends replies to AWS through. */
public record Reply(
    String host,
    int port,
    boolean starttls,
    Optional<String> username,
    Optional<Secret> password,
    String from) {

  public static final int DEFAULT_PORT = 587;

  public Reply {
    Objects.requireNonNull(host, "host");
    Ports.require(port);
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(from, "from");
    if (username.isPresent() != password.isPresent()) {
      throw new IllegalArgumentException("username and password go together");
    }
  }
}
