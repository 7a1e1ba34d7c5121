package dev.abusedesk.route;

import dev.abusedesk.config.Account;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The managed accounts by ID: names, customers and labels for messages and routes. */
public final class AccountRegistry {

  private final Map<String, Account> byId = new LinkedHashMap<>();

  public AccountRegistry(List<Account> accounts) {
    for (Account account : accounts) {
      byId.putIfAbsent(account.id(), account);
    }
  }

  public Optional<Account> find(String accountId) {
    return Optional.ofNullable(byId.get(accountId));
  }

  public List<Account> all() {
    return List.copyOf(byId.values());
  }
}
