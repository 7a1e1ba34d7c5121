package dev.abusedesk.accounts;

import dev.abusedesk.config.Account;
import dev.abusedesk.config.ContactList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the account registry in the {@code accounts_csv} format the configuration reads: {@code
 * id,name,customer,labels,contacts}, labels as {@code k=v;k=v}, contacts as {@code
 * ops@acme.example:ja;sec@acme.example:en} (each with its language, so that the file reads the same
 * whatever the configuration's language), fields quoted when they need it.
 */
public final class AccountsCsvFile {

  private AccountsCsvFile() {}

  public static String write(List<Account> accounts) {
    StringBuilder out = new StringBuilder("id,name,customer,labels,contacts\n");
    for (Account a : accounts) {
      out.append(a.id())
          .append(',')
          .append(field(a.name().orElse("")))
          .append(',')
          .append(field(a.customer().orElse("")))
          .append(',')
          .append(field(labels(a.labels())))
          .append(',')
          .append(field(ContactList.format(a.contacts())))
          .append('\n');
    }
    return out.toString();
  }

  /** Whether a tag can be a label: the format splits on {@code ;} and the first {@code =}. */
  static boolean fitsLabel(String key, String value) {
    return !key.isBlank()
        && !key.contains("=")
        && !key.contains(";")
        && !value.contains(";")
        && key.strip().equals(key)
        && value.strip().equals(value)
        && (key + value).chars().noneMatch(c -> c == '\n' || c == '\r');
  }

  private static String labels(Map<String, String> labels) {
    return labels.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(";"));
  }

  private static String field(String value) {
    String flat = value.replace('\r', ' ').replace('\n', ' ');
    if (flat.contains(",") || flat.contains("\"") || !flat.strip().equals(flat)) {
      return "\"" + flat.replace("\"", "\"\"") + "\"";
    }
    return flat;
  }
}
