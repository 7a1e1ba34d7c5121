package dev.abusedesk.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code accounts:} and {@code accounts_csv:}, merged into one registry of managed accounts. */
final class AccountsSection {

  private AccountsSection() {}

  static List<Account> read(Section root) {
    // Where each ID was first seen, to name it when it comes again.
    Map<String, String> seen = new LinkedHashMap<>();
    List<Account> accounts = new ArrayList<>();
    for (Section.Item item : root.list("accounts")) {
      read(item, root.document(), seen).ifPresent(accounts::add);
    }
    Optional<Path> csv = root.filePath("accounts_csv");
    csv.ifPresent(
        file ->
            accounts.addAll(
                new AccountsCsv(root.document(), root.value("accounts_csv"), file, seen).read()));
    return accounts;
  }

  private static Optional<Account> read(
      Section.Item item, Document document, Map<String, String> seen) {
    Optional<Section> opened =
        Section.of(item.node(), item.path(), document, "id", "name", "customer", "labels");
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
    if (!mark.clean()) {
      return Optional.empty();
    }
    return Optional.of(new Account(id.orElseThrow(), name, customer, labels));
  }
}
