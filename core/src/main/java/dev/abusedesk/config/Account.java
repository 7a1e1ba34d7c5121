package dev.abusedesk.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One managed AWS account: who it belongs to and the labels routes match on.
 *
 * @param id the 12-digit account ID, as a string (leading zeros matter)
 */
public record Account(
    String id, Optional<String> name, Optional<String> customer, Map<String, String> labels) {

  static final Pattern ID = Pattern.compile("\\d{12}");

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(customer, "customer");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("an account id has 12 digits: " + id);
    }
    labels = Ordered.map(labels);
  }

  /** Whether {@code text} is a well-formed account ID. */
  public static boolean isAccountId(String text) {
    return ID.matcher(text).matches();
  }
}
