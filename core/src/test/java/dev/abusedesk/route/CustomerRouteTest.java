package dev.abusedesk.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.Account;
import dev.abusedesk.config.Config;
import dev.abusedesk.report.Category;
import dev.abusedesk.report.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerRouteTest {

  private static final String ACCOUNTS =
      """
      reply: {host: smtp.example.com, from: abuse-desk@example.com}
      accounts:
        - {id: "444455556666", customer: acme, labels: {env: prod},
           contacts: [{email: ops@acme.example}]}
        - {id: "111122223333", customer: acme, contacts: [{email: dev@acme.example}]}
        - {id: "777788889999", customer: beta, contacts: [{email: ops@beta.example}]}
        - {id: "222233334444", customer: acme}
      """;

  private static CustomerRoute route(String customers) {
    return CustomerRoute.of(Config.parse(ACCOUNTS + customers, Path.of("."), Map.of()));
  }

  private static Subject subject(Category category, String... accounts) {
    return new Subject(List.of(accounts), category, Kind.NOTICE);
  }

  @Test
  void withoutACustomersSectionNoCaseNotifiesAnyone() {
    CustomerRoute route = route("");

    assertThat(route.accountsToNotify(subject(Category.SPAM, "444455556666"))).isEmpty();
    assertThat(route.notifies(subject(Category.SPAM, "444455556666"))).isFalse();
  }

  @Test
  void notifiesTheAccountsOfAListedCustomer() {
    CustomerRoute route = route("customers: {notify_when: [{customer: [acme]}]}\n");

    assertThat(route.accountsToNotify(subject(Category.DOS, "444455556666")))
        .extracting(Account::id)
        .containsExactly("444455556666");
    assertThat(route.notifies(subject(Category.DOS, "777788889999"))).isFalse();
  }

  @Test
  void eachAccountOfACaseIsMatchedOnItsOwn() {
    CustomerRoute route = route("customers: {notify_when: [{label: {env: prod}}]}\n");

    // The case is on a prod and a non-prod account: only the prod account's contacts are told.
    assertThat(route.accountsToNotify(subject(Category.SPAM, "111122223333", "444455556666")))
        .extracting(Account::id)
        .containsExactly("444455556666");
  }

  @Test
  void anyEntryMayMatchAndAccountsWithoutContactsAreLeftOut() {
    CustomerRoute route =
        route(
            """
            customers:
              notify_when:
                - {category: [spam]}
                - {customer: [beta], kind: [final]}
            """);

    assertThat(
            route.accountsToNotify(
                subject(Category.SPAM, "222233334444", "777788889999", "999999999999")))
        .extracting(Account::id)
        .containsExactly("777788889999");
    assertThat(route.notifies(subject(Category.DOS, "777788889999"))).isFalse();
    assertThat(route.notifies(new Subject(List.of("777788889999"), Category.DOS, Kind.FINAL)))
        .isTrue();
  }
}
