package dev.abusedesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsTest {

  @TempDir Path dir;

  @Test
  void readsAccountsWithQuotedOrUnquotedIds() {
    Config config =
        Yaml.parse(
            """
            accounts:
              - {id: "444455556666", name: shop-prod, customer: Example Shop, labels: {env: prod, team: web}}
              - {id: 012345678901}
              - id: 999988887777
            """);

    assertThat(config.accounts())
        .containsExactly(
            new Account(
                "444455556666",
                Optional.of("shop-prod"),
                Optional.of("Example Shop"),
                Map.of("env", "prod", "team", "web")),
            new Account("012345678901", Optional.empty(), Optional.empty(), Map.of()),
            new Account("999988887777", Optional.empty(), Optional.empty(), Map.of()));
    assertThat(config.account("012345678901").orElseThrow().name()).isEmpty();
    assertThat(config.account("444455556666").orElseThrow().labels().keySet())
        .containsExactly("env", "team");
  }

  @Test
  void reportsBadAndDuplicateIds() {
    assertThat(
            Yaml.problems(
                """
                accounts:
                  - {id: "12345"}
                  - {id: "444455556666"}
                  - {name: no-id}
                  - {id: "444455556666"}
                  - {id: "444455557777", labels: [env]}
                """))
        .containsExactly(
            "accounts[0].id: must be 12 digits, got \"12345\"",
            "accounts[2].id: required",
            "accounts[3].id: duplicate account \"444455556666\" (also accounts[1])",
            "accounts[4].labels: must be a mapping");
  }

  @Test
  void mergesAccountsFromCsv() throws IOException {
    Files.writeString(
        dir.resolve("accounts.csv"),
        """
        \uFEFFid,name,customer,labels
        111122223333,blog,"Example Media, Inc.",env=prod;team=editorial

        # a comment
        111122224444,"blog \"\"dev\"\"",,
        """);

    Config config =
        Config.parse(
            """
            accounts: [{id: "444455556666"}]
            accounts_csv: accounts.csv
            """,
            dir,
            Map.of());

    assertThat(config.accounts())
        .extracting(Account::id)
        .containsExactly("444455556666", "111122223333", "111122224444");
    assertThat(config.account("111122223333"))
        .contains(
            new Account(
                "111122223333",
                Optional.of("blog"),
                Optional.of("Example Media, Inc."),
                Map.of("env", "prod", "team", "editorial")));
    assertThat(config.account("111122224444"))
        .contains(
            new Account("111122224444", Optional.of("blog \"dev\""), Optional.empty(), Map.of()));
  }

  @Test
  void acceptsCsvColumnsInAnyOrderAndOnlyAnId() throws IOException {
    Files.writeString(dir.resolve("a.csv"), "customer,id\nAcme,111122223333\n");
    Files.writeString(dir.resolve("b.csv"), "id\n111122224444\n");

    assertThat(Config.parse("accounts_csv: a.csv", dir, Map.of()).accounts())
        .containsExactly(
            new Account("111122223333", Optional.empty(), Optional.of("Acme"), Map.of()));
    assertThat(Config.parse("accounts_csv: b.csv", dir, Map.of()).accounts())
        .extracting(Account::id)
        .containsExactly("111122224444");
  }

  @Test
  void reportsBadCsvLinesWithTheirLineNumbers() throws IOException {
    Files.writeString(
        dir.resolve("accounts.csv"),
        """
        id,name,customer,labels
        111122223333,blog,Example,env=prod
        12345,short,Example,
        444455556666,dup-of-yaml,Example,
        111122223333,dup-of-csv,Example,
        111122225555,too,few
        111122226666,bad-labels,Example,env=prod;oops
        111122227777,"unclosed,Example,
        """);

    assertThat(
            Yaml.problems(
                """
                accounts: [{id: "444455556666"}]
                accounts_csv: accounts.csv
                """,
                dir,
                Map.of()))
        .containsExactly(
            "accounts_csv: line 3: id must be 12 digits, got \"12345\"",
            "accounts_csv: line 4: duplicate account \"444455556666\" (also accounts[0])",
            "accounts_csv: line 5: duplicate account \"111122223333\" (also accounts_csv line 2)",
            "accounts_csv: line 6: expected 4 fields, found 3",
            "accounts_csv: line 7: label \"oops\" is not key=value",
            "accounts_csv: line 8: a quoted field is not closed");
  }

  @Test
  void reportsABadCsvHeaderOrAMissingFile() throws IOException {
    Files.writeString(dir.resolve("bad.csv"), "account,name,owner\n111122223333,a,b\n");
    Files.writeString(dir.resolve("empty.csv"), "");

    assertThat(Yaml.problems("accounts_csv: bad.csv", dir, Map.of()))
        .containsExactly(
            "accounts_csv: line 1: unknown column \"account\"; columns are [id, name, customer,"
                + " labels, contacts]",
            "accounts_csv: line 1: unknown column \"owner\"; columns are [id, name, customer,"
                + " labels, contacts]",
            "accounts_csv: line 1: the header needs an id column");
    assertThat(Yaml.problems("accounts_csv: empty.csv", dir, Map.of()))
        .containsExactly(
            "accounts_csv: the file is empty; the first line names the columns:"
                + " id,name,customer,labels,contacts");
    assertThat(Yaml.problems("accounts_csv: missing.csv", dir, Map.of()))
        .containsExactly(
            "accounts_csv: cannot read " + dir.resolve("missing.csv") + ": no such file");
  }
}
