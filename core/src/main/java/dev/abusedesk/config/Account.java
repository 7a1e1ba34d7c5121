package dev.abusedesk.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One managed AWS account: who it belongs to, the labels routes match on, and whom at the customer
 * to tell about its cases.
 *
 * @param id the 12-digit account ID, as a string (leading zeros matter)
 * @param contacts the customer's people told about cases on this account (when {@code customers}
 *     says so); each mailbox once, at most {@link Contact#MAX_PER_ACCOUNT}
 */
public record Account(
    String id,
    Optional<String> name,
    Optional<String> customer,
    Map<String, String> labels,
    List<Contact> contacts) {

  static final Pattern ID = Pattern.compile("\\d{12}");

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(customer, "customer");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("an account id has 12 digits: " + id);
    }
    labels = Ordered.map(labels);
    contacts = List.copyOf(contacts);
    List<String> problems = ContactList.problems(contacts);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("account " + id + ": " + problems.get(0));
    }
  }

  /** An account without contacts. */
  public Account(
      String id, Optional<String> name, Optional<String> customer, Map<String, String> labels) {
    this(id, name, customer, labels, List.of());
  }

  /** Whether {@code text} is a well-formed account ID. */
  public static boolean isAccountId(String text) {
    return ID.matcher(text).matches();
  }
}
