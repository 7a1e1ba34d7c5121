package dev.abusedesk.route;

import dev.abusedesk.config.Account;
import dev.abusedesk.config.Config;
import dev.abusedesk.config.Customers;
import dev.abusedesk.config.Match;
import java.util.List;
import java.util.Objects;

/**
 * Which accounts of a case have their contacts told about it: {@code customers.notify_when}, each
 * entry a route-style match, evaluated for each of the case's accounts on its own (a case on two
 * customers' accounts tells each only if it fits them). Pure: no I/O.
 */
public final class CustomerRoute {

  private final Customers customers;
  private final AccountRegistry registry;

  public CustomerRoute(Customers customers, AccountRegistry registry) {
    this.customers = Objects.requireNonNull(customers, "customers");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** The customer route of a configuration: off without its {@code customers} section. */
  public static CustomerRoute of(Config config) {
    return new CustomerRoute(config.customers(), new AccountRegistry(config.accounts()));
  }

  /**
   * The case's accounts whose contacts get a notice, in the subject's order: known, with contacts,
   * and matched by an entry of {@code notify_when}. Empty when customers are off.
   */
  public List<Account> accountsToNotify(Subject subject) {
    if (!customers.isOn()) {
      return List.of();
    }
    return subject.accounts().stream()
        .distinct()
        .map(registry::find)
        .flatMap(java.util.Optional::stream)
        .filter(account -> !account.contacts().isEmpty())
        .filter(account -> fits(account, subject))
        .toList();
  }

  /** Whether the case's notice goes out to any customer contact. */
  public boolean notifies(Subject subject) {
    return !accountsToNotify(subject).isEmpty();
  }

  private boolean fits(Account account, Subject subject) {
    Subject alone = new Subject(List.of(account.id()), subject.category(), subject.kind());
    for (Match match : customers.notifyWhen()) {
      if (Matching.matches(match, alone, registry)) {
        return true;
      }
    }
    return false;
  }
}
