package dev.abusedesk.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Contacts as one line of text, as the {@code contacts} column of {@code accounts_csv} and the
 * contacts tag of AWS Organizations hold them: {@code ops@acme.example:ja;sec@acme.example}, the
 * language after a colon and optional. Spaces separate contacts as well as {@code ;} does: AWS tag
 * values cannot hold a {@code ;}.
 */
public final class ContactList {

  private ContactList() {}

  /**
   * What a line said: the contacts, or what is wrong with it.
   *
   * @param problems empty when the line is good; then {@code contacts} is all it said
   */
  public record Read(List<Contact> contacts, List<String> problems) {
    public Read {
      contacts = List.copyOf(contacts);
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * Reads a line; blank entries (a trailing {@code ;}) are skipped.
   *
   * @param fallback the language of a contact that names none
   */
  public static Read parse(String text, Language fallback) {
    List<Contact> contacts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return new Read(contacts, problems);
    }
    for (String entry : text.split("[;\\s]+", -1)) {
      String trimmed = entry.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      int colon = trimmed.lastIndexOf(':');
      String email = colon < 0 ? trimmed : trimmed.substring(0, colon).strip();
      Optional<Language> language =
          colon < 0 ? Optional.of(fallback) : language(trimmed.substring(colon + 1).strip());
      if (!Contact.isAddress(email)) {
        problems.add("not an email address: " + Document.quote(email));
      } else if (language.isEmpty()) {
        problems.add(
            "unknown language "
                + Document.quote(trimmed.substring(colon + 1).strip())
                + " for "
                + email
                + "; one of en, ja");
      } else {
        contacts.add(new Contact(email, language.get()));
      }
    }
    problems.addAll(problems(contacts));
    return new Read(contacts, problems);
  }

  /** The line for {@code contacts}, each with its language, which {@link #parse} reads back. */
  public static String format(List<Contact> contacts) {
    return contacts.stream()
        .map(c -> c.email() + ":" + c.language().wire())
        .collect(Collectors.joining(";"));
  }

  /** What is wrong with a whole list: the same mailbox twice, or too many. */
  static List<String> problems(List<Contact> contacts) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Contact contact : contacts) {
      if (!seen.add(contact.mailbox())) {
        problems.add("contact " + contact.email() + " twice");
      }
    }
    if (contacts.size() > Contact.MAX_PER_ACCOUNT) {
      problems.add("at most " + Contact.MAX_PER_ACCOUNT + " contacts, got " + contacts.size());
    }
    return problems;
  }

  static Optional<Language> language(String wire) {
    for (Language language : Language.values()) {
      if (language.wire().equals(wire.toLowerCase(Locale.ROOT))) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }
}
