package dev.abusedesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void reportsEveryProblemWithItsPath() {
    String yaml =
        """
        language: fr
        timezone: Mars/Olympus_Mons
        public_url: ftp://desk.example.com
        deadline_hours: 0
        storage:
          urll: jdbc:postgresql://db/abusedesk
        receivers:
          - name: ops-slack
            slack: {webhook_url: "https://hooks.example.com/1"}
          - name: ops-hook
            webhook: {url: "https://hooks.example.com/2"}
          - name: ops-broken
            slack: {}
        routes:
          - receivers: [ops-slack, ops-x]
        reminders:
          offsets: [12h, 12x]
        intake:
          smtp: {protocol: esmtp}
        logging: {level: verbose}
        """;

    assertThat(Yaml.problems(yaml))
        .containsExactly(
            "language: must be en or ja",
            "timezone: not a time zone: \"Mars/Olympus_Mons\"",
            "public_url: must be an http or https URL, got \"ftp://desk.example.com\"",
            "deadline_hours: must be between 1 and 720",
            "storage.urll: unknown key",
            "receivers[2].slack.webhook_url: required",
            "routes[0].receivers[1]: unknown receiver \"ops-x\"",
            "reminders.offsets[1]: not a duration: \"12x\"",
            "intake.smtp.protocol: must be smtp or lmtp",
            "logging.level: must be one of debug, info, warn, error");
  }

  @Test
  void namesTheLineOfEachProblem() {
    ConfigException e =
        Yaml.exception(
            """
            language: en
            storage:
              urll: x
            """,
            Yaml.HERE,
            Map.of());

    assertThat(e.problems()).containsExactly(new Problem("storage.urll", "unknown key", 3));
    assertThat(e.problems().get(0)).hasToString("storage.urll: unknown key (line 3)");
    assertThat(e.getMessage())
        .isEqualTo("invalid configuration, 1 problem:\n  storage.urll: unknown key (line 3)");
  }

  @Test
  void reportsUnknownKeysAtEveryLevel() {
    assertThat(
            Yaml.problems(
                """
                langauge: en
                receivers:
                  - name: a
                    console: {}
                    mention: ["@here"]
                  - name: b
                    slack: {webhook_url: "https://x.example.com", chanel: C1}
                routes:
                  - receivers: [a]
                    match: {acount: ["444455556666"]}
                  - receivers: [b]
                intake:
                  imap: {host: imap.example.com, username: u, password: p, folders: INBOX}
                """))
        .containsExactly(
            "langauge: unknown key",
            "receivers[0].mention: unknown key",
            "receivers[1].slack.chanel: unknown key",
            "routes[0].match.acount: unknown key",
            "intake.imap.folders: unknown key");
  }

  @Test
  void aReceiverNeedsANameAndExactlyOneKind() {
    assertThat(
            Yaml.problems(
                """
                receivers:
                  - slack: {webhook_url: "https://x.example.com"}
                  - name: both
                    slack: {webhook_url: "https://x.example.com"}
                    teams: {workflow_url: "https://y.example.com"}
                  - name: none
                  - name: both
                    console: {}
                  - name: "with space"
                    console: {}
                  - just a string
                """))
        .containsExactly(
            "receivers[0].name: required",
            "receivers[1]: has slack and teams; a receiver has exactly one kind",
            "receivers[2]: needs one kind: slack, teams, google_chat, chatwork, discord, webhook,"
                + " email, pagerduty, console",
            "receivers[3].name: duplicate receiver \"both\"",
            "receivers[4].name: must be letters, digits, '-', '_' or '.', at most 64, got"
                + " \"with space\"",
            "receivers[5]: must be a mapping");
  }

  @Test
  void checksTheFieldsOfEachReceiverKind() {
    assertThat(
            Yaml.problems(
                """
                receivers:
                  - name: bot
                    slack: {channel: C1, signing_secret: ""}
                  - name: mixed
                    slack: {webhook_url: "https://x.example.com", bot_token: t}
                  - name: teams
                    teams: {workflow_url: "not a url"}
                  - name: chat
                    chatwork: {room_id: abc, mention_account_ids: ["12", x]}
                  - name: hook
                    webhook: {url: "https://h.example.com", headers: {Host: x, "Bad Header": y, X-Ok: }}
                  - name: mail
                    email: {host: "smtp example", port: 70000, from: nobody, to: [ok@example.com, bad]}
                  - name: pd
                    pagerduty: {api_url: "https://events.example.com"}
                  - name: out
                    console: {verbose: true}
                  - name: rate
                    console: {}
                    rate_per_second: 0
                    mentions: "@here"
                """))
        .containsExactly(
            "receivers[0].slack.bot_token: required",
            "receivers[0].slack.signing_secret: must not be empty",
            "receivers[1].slack.bot_token: not allowed with webhook_url",
            "receivers[2].teams.workflow_url: must be an http or https URL",
            "receivers[3].chatwork.api_token: required",
            "receivers[3].chatwork.room_id: must be digits, got \"abc\"",
            "receivers[3].chatwork.mention_account_ids[1]: must be digits, got \"x\"",
            "receivers[4].webhook.headers.Host: set by the HTTP client; cannot be configured",
            "receivers[4].webhook.headers.Bad Header: not a header name",
            "receivers[4].webhook.headers.X-Ok: required",
            "receivers[5].email.host: not a host name: \"smtp example\"",
            "receivers[5].email.port: must be between 1 and 65535",
            "receivers[5].email.from: not an email address: \"nobody\"",
            "receivers[5].email.to[1]: not an email address: \"bad\"",
            "receivers[6].pagerduty.routing_key: required",
            "receivers[7].console.verbose: unknown key",
            "receivers[8].rate_per_second: must be a positive number",
            "receivers[8].mentions: must be a list");
  }

  @Test
  void collectsAllProblemsInOnePass() {
    StringBuilder yaml = new StringBuilder("receivers:\n");
    for (int i = 0; i < 30; i++) {
      yaml.append("  - {name: r").append(i).append(", teams: {}}\n");
    }

    assertThat(Yaml.problems(yaml.toString()))
        .hasSize(30)
        .allSatisfy(problem -> assertThat(problem).endsWith(".teams.workflow_url: required"));
  }

  @Test
  void keepsAHugeListOfProblemsReadable() {
    StringBuilder yaml = new StringBuilder("receivers:\n");
    for (int i = 0; i < 500; i++) {
      yaml.append("  - {name: r").append(i).append(", teams: {}}\n");
    }

    assertThat(Yaml.problems(yaml.toString()))
        .hasSize(Problems.LIMIT + 1)
        .endsWith("and 300 more problems");
  }

  @Test
  void rejectsValuesOfTheWrongShape() {
    assertThat(
            Yaml.problems(
                """
                language: [en]
                deadline_hours: twelve
                storage: /var/lib/abusedesk
                accounts: {id: "444455556666"}
                reminders: {escalate_at: {h: 4}}
                health_api: {enabled: sometimes}
                """))
        .containsExactly(
            "language: must be en or ja",
            "deadline_hours: must be a whole number",
            "storage: must be a mapping",
            "accounts: must be a list",
            "reminders.escalate_at: must be a duration such as 30s, 90m, 12h or 2d",
            "health_api.enabled: must be true or false");
  }

  @Test
  void reportsDuplicateKeys() {
    assertThat(
            Yaml.problems(
                """
                language: en
                language: ja
                logging: {level: info, level: debug}
                """))
        .containsExactly("language: duplicate key", "logging.level: duplicate key");
  }

  @Test
  void refusesAFileThatIsNotAMapping() {
    assertThat(Yaml.problems("- a\n- b\n"))
        .containsExactly("the file must be a mapping of keys to values");
    assertThat(Yaml.problems("just text"))
        .containsExactly("the file must be a mapping of keys to values");
  }

  @Test
  void reportsBrokenYamlWithItsLineButWithoutTheLineItself() {
    ConfigException e =
        Yaml.exception(
            "language: en\nreceivers:\n  - name: \"unterminated-secret-value\n",
            Yaml.HERE,
            Map.of());

    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEmpty();
              assertThat(p.message()).startsWith("not valid YAML: ");
              assertThat(p.line()).isPositive();
            });
    assertThat(e.getMessage()).doesNotContain("unterminated-secret-value");
  }
}
