package dev.abusedesk.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code accounts:} and {@code accounts_csv:}, merged into one registry of managed accounts. */
final class AccountsSection {

  private AccountsSection() {}

  /**
   * @param language the file's language: a contact's unless it names its own
   */
  static List<Account> read(Section root, Language language) {
    // Where each ID was first seen, to name it when it comes again.
    Map<String, String> seen = new LinkedHashMap<>();
    List<Account> accounts = new ArrayList<>();
    for (Section.Item item : root.list("accounts")) {
      read(item, root.document(), seen, language).ifPresent(accounts::add);
    }
    Optional<Path> csv = root.filePath("accounts_csv");
    csv.ifPresent(
        file ->
            accounts.addAll(
                new AccountsCsv(root.document(), root.value("accounts_csv"), file, seen, language)
                    .read()));
    return accounts;
  }

  private static Optional<Account> read(
      Section.Item item, Document document, Map<String, String> seen, Language language) {
    Optional<Section> opened =
        Section.of(
            item.node(), item.path(), document, "id", "name", "customer", "labels", "contacts");
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    Section account = opened.get();
    Problems.Mark mark = document.problems.mark();
    Optional<String> id =
        account
            .requiredString("id")
            .filter(
                text -> {
                  if (!Account.isAccountId(text)) {
                    account.problem("id", "must be 12 digits, got " + Document.quote(text));
                    return false;
                  }
                  String first = seen.putIfAbsent(text, item.path());
                  if (first != null) {
                    account.problem(
                        "id",
                        "duplicate account " + Document.quote(text) + " (also " + first + ")");
                    return false;
                  }
                  return true;
                });
    Optional<String> name = account.string("name");
    Optional<String> customer = account.string("customer");
    Map<String, String> labels = account.stringMap("labels");
    List<Contact> contacts = contacts(account, language);
    if (!mark.clean()) {
      return Optional.empty();
    }
    return Optional.of(new Account(id.orElseThrow(), name, customer, labels, contacts));
  }

  /** {@code contacts: [{email: ..., language: ja}]}; the language defaults to the file's. */
  private static List<Contact> contacts(Section account, Language fallback) {
    List<Contact> contacts = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (Section.Item item : account.list("contacts")) {
      Optional<Section> opened =
          Section.of(item.node(), item.path(), account.document(), "email", "language");
      if (opened.isEmpty()) {
        continue;
      }
      Section entry = opened.get();
      Optional<String> email =
          entry
              .requiredString("email")
              .filter(
                  text -> {
                    if (!Contact.isAddress(text)) {
                      entry.problem("email", "not an email address: " + Document.quote(text));
                      return false;
                    }
                    return true;
                  });
      Optional<Language> language =
          entry.has("language") ? entry.choice("language", Language.class) : Optional.of(fallback);
      if (email.isEmpty() || language.isEmpty()) {
        continue;
      }
      Contact contact = new Contact(email.get(), language.get());
      String first = seen.putIfAbsent(contact.mailbox(), item.path());
      if (first != null) {
        entry.problem("email", "contact " + contact.email() + " twice (also " + first + ")");
        continue;
      }
      contacts.add(contact);
    }
    if (contacts.size() > Contact.MAX_PER_ACCOUNT) {
      account.problem(
          "contacts", "at most " + Contact.MAX_PER_ACCOUNT + " contacts, got " + contacts.size());
    }
    return contacts;
  }
}
