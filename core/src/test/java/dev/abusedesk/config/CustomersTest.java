package dev.abusedesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.abusedesk.report.Category;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contacts on accounts (YAML and CSV) and the {@code customers} section. */
class CustomersTest {

  private static final String REPLY =
      """
      reply: {host: smtp.example.com, from: abuse-desk@example.com}
      """;

  @TempDir Path dir;

  @Test
  void readsContactsWithTheFilesLanguageUnlessTheyNameTheirOwn() {
    Config config =
        Yaml.parse(
            """
            language: ja
            accounts:
              - id: "123456789012"
                customer: acme
                contacts:
                  - {email: ops@ACME.example, language: en}
                  - {email: Sec.Team+abuse@acme.example}
              - {id: "123456789013"}
            """);

    assertThat(config.account("123456789012").orElseThrow().contacts())
        .containsExactly(
            new Contact("ops@acme.example", Language.EN),
            new Contact("Sec.Team+abuse@acme.example", Language.JA));
    assertThat(config.account("123456789013").orElseThrow().contacts()).isEmpty();
  }

  @Test
  void reportsContactsThatAreNotOnePlainAddressWithTheirPath() {
    assertThat(
            Yaml.problems(
                """
                accounts:
                  - id: "123456789012"
                    contacts:
                      - {email: ops@acme.example}
                      - {email: "Ops <ops@acme.example>"}
                      - {email: "ops@acme.example\\nBcc: x@evil.example"}
                      - {email: OPS@acme.example}
                      - {language: fr, email: a@acme.example}
                      - {mail: b@acme.example}
                      - ops@acme.example
                """))
        .containsExactly(
            "accounts[0].contacts[1].email: not an email address: \"Ops <ops@acme.example>\"",
            "accounts[0].contacts[2].email: not an email address:"
                + " \"ops@acme.example\\u000aBcc: x@evil.example\"",
            "accounts[0].contacts[3].email: contact OPS@acme.example twice (also"
                + " accounts[0].contacts[0])",
            "accounts[0].contacts[4].language: must be en or ja",
            "accounts[0].contacts[5].mail: unknown key",
            "accounts[0].contacts[5].email: required",
            "accounts[0].contacts[6]: must be a mapping");
  }

  @Test
  void aContactIsABareAddressOfAtMost254Characters() {
    String local = "a".repeat(64);
    String domain = ("b".repeat(62) + ".").repeat(2) + "c".repeat(60) + ".jp";

    assertThat(Contact.isAddress(local + "@" + domain)).isTrue();
    assertThat(Contact.isAddress(local + "@x" + domain)).isFalse();
    assertThat(Contact.isAddress("a".repeat(65) + "@acme.example")).isFalse();
    assertThat(Contact.isAddress("ops@localhost")).isFalse();
    assertThat(Contact.isAddress("ops@acme.example\r\n")).isFalse();
    assertThat(Contact.isAddress("ops..x@acme.example")).isFalse();
    assertThat(Contact.isAddress("\"ops\"@acme.example")).isFalse();
    assertThat(Contact.isAddress("ops@acme.example,evil@example.com")).isFalse();
    assertThatThrownBy(() -> new Contact("<ops@acme.example>", Language.EN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsTheContactsColumnOfTheAccountsCsv() throws IOException {
    Files.writeString(
        dir.resolve("accounts.csv"),
        """
        id,customer,contacts
        111122223333,acme,ops@acme.example:ja;sec@acme.example
        111122224444,acme,
        111122225555,beta,"  ops@beta.example:EN ; "
        """);

    Config config = Config.parse("language: ja\naccounts_csv: accounts.csv\n", dir, Map.of());

    assertThat(config.accounts())
        .extracting(Account::contacts)
        .containsExactly(
            List.of(
                new Contact("ops@acme.example", Language.JA),
                new Contact("sec@acme.example", Language.JA)),
            List.of(),
            List.of(new Contact("ops@beta.example", Language.EN)));
  }

  @Test
  void reportsBadContactsInTheCsvByLine() throws IOException {
    Files.writeString(
        dir.resolve("accounts.csv"),
        """
        id,contacts
        111122223333,ops@acme.example:fr
        111122224444,Ops <ops@acme.example>
        111122225555,ops@acme.example;OPS@acme.example:ja
        """);

    assertThat(Yaml.problems("accounts_csv: accounts.csv", dir, Map.of()))
        .containsExactly(
            "accounts_csv: line 2: contacts: unknown language \"fr\" for ops@acme.example;"
                + " one of en, ja",
            "accounts_csv: line 3: contacts: not an email address: \"Ops\"",
            "accounts_csv: line 3: contacts: not an email address: \"<ops@acme.example>\"",
            "accounts_csv: line 4: contacts: contact OPS@acme.example twice");
  }

  @Test
  void withoutACustomersSectionNoCustomerIsNotified() {
    Config config = Yaml.parse("accounts: [{id: \"123456789012\"}]");

    assertThat(config.customers()).isEqualTo(Customers.off());
    assertThat(config.customers().isOn()).isFalse();
    assertThat(Config.defaults().customers().isOn()).isFalse();
  }

  @Test
  void readsTheCustomersSection() {
    Config config =
        Yaml.parse(
            REPLY
                + """
                customers:
                  notify_when:
                    - {customer: [acme]}
                    - {category: [spam], label: {env: prod}}
                  margin_hours: 6
                  remind_every_hours: 2
                  link_days: 3
                """);

    Customers customers = config.customers();
    assertThat(customers.notifyWhen()).hasSize(2);
    assertThat(customers.notifyWhen().get(0).customers()).containsExactly("acme");
    assertThat(customers.notifyWhen().get(1).categories()).containsExactly(Category.SPAM);
    assertThat(customers.notifyWhen().get(1).labels()).containsEntry("env", "prod");
    assertThat(customers.margin()).isEqualTo(Duration.ofHours(6));
    assertThat(customers.remindEvery()).isEqualTo(Duration.ofHours(2));
    assertThat(customers.linkLifetime()).isEqualTo(Duration.ofDays(3));
    assertThat(customers.deadline(Instant.parse("2025-11-11T00:00:00Z")))
        .isEqualTo(Instant.parse("2025-11-10T18:00:00Z"));
  }

  @Test
  void theCustomersSectionHasDefaults() {
    Customers customers =
        Yaml.parse(REPLY + "customers: {notify_when: [{account: [\"123456789012\"]}]}\n")
            .customers();

    assertThat(customers.marginHours()).isEqualTo(8);
    assertThat(customers.remindEveryHours()).isEqualTo(4);
    assertThat(customers.linkDays()).isEqualTo(7);
    assertThat(customers.isOn()).isTrue();
  }

  @Test
  void checksTheCustomersSection() {
    assertThat(
            Yaml.problems(
                """
                customers:
                  notify_when:
                    - {customer: [acme]}
                    - {}
                    - {category: [spma]}
                    - {owner: [x]}
                  margin_hours: 24
                  remind_every_hours: 0
                  link_days: 31
                  cc: [boss@example.com]
                """))
        .containsExactly(
            "customers.notify_when: needs a reply section to send mail through",
            "customers.notify_when[1]: needs a condition (account, customer, label, category or"
                + " kind)",
            "customers.notify_when[2].category[0]: unknown category \"spma\"; one of spam, dos,"
                + " port_scan, intrusion, open_proxy, phishing, malware, botnet, copyright, pii,"
                + " illegal_content, cc_fraud, credentials_exposed, other",
            "customers.notify_when[3].owner: unknown key",
            "customers.margin_hours: must be between 1 and 23",
            "customers.remind_every_hours: must be between 1 and 24",
            "customers.link_days: must be between 1 and 30",
            "customers.cc: unknown key");
  }

  @Test
  void theCustomersMarginMustLeaveThemTime() {
    assertThat(
            Yaml.problems(
                REPLY
                    + """
                    deadline_hours: 6
                    customers: {notify_when: [{customer: [acme]}], margin_hours: 6}
                    """))
        .containsExactly(
            "customers.margin_hours: must be less than deadline_hours (6), or the customer has no"
                + " time");
  }
}
