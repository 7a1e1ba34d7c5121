package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.testing.DocsExample;
import dev.abusedesk.testing.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckConfigCommandTest {

  // Distinctive values: none may appear in anything the command prints.
  static final String INLINE = "inline-s3cr3t-7f3a";
  static final String FROM_ENV = "env-s3cr3t-91bc";
  static final String FROM_FILE = "file-s3cr3t-c0de";

  @TempDir Path dir;

  @Test
  void summarisesAUsableFileWithoutItsSecrets() throws IOException {
    Files.writeString(dir.resolve("pd.key"), FROM_FILE + "\n");
    Path file =
        write(
            """
            timezone: Asia/Tokyo
            storage: {url: "jdbc:postgresql://db/x?password=%1$s", username: u, password: %1$s}
            accounts:
              - {id: "444455556666", name: shop-prod, customer: Example Shop}
            receivers:
              - name: ops-slack
                slack: {webhook_url: "https://hooks.example.com/services/%1$s"}
              - name: ops-bot
                slack: {bot_token: {env: BOT_TOKEN}, channel: C0123, signing_secret: %1$s}
              - name: pager
                pagerduty: {routing_key: {file: pd.key}}
              - name: ops-mail
                email: {host: smtp.example.com, username: u, password: {env: BOT_TOKEN},
                        from: desk@example.com, to: [sec@example.com]}
            routes:
              - match: {kind: [final]}
                receivers: [pager]
                continue: true
              - receivers: [ops-slack, ops-bot, ops-mail]
            reminders: {escalation_receivers: [pager]}
            intake:
              http: {listen: "0.0.0.0:8080", token: {env: BOT_TOKEN}}
              imap: {host: imap.example.com, username: u, password: %1$s}
            dashboard: {token: %1$s, link_secret: "%1$s-and-more-to-be-long-enough"}
            reply: {host: smtp.example.com, username: u, password: %1$s, from: desk@example.com}
            """
                .formatted(INLINE));

    Run run = Run.of(Map.of("BOT_TOKEN", FROM_ENV), "", "check-config", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out().lines())
        .containsExactly(
            file + ": OK",
            "language en, time zone Asia/Tokyo, reply deadline 24h",
            "storage: PostgreSQL",
            "accounts: 1",
            "receivers: 4",
            "  ops-slack  slack webhook",
            "  ops-bot    slack bot C0123",
            "  pager      pagerduty events",
            "  ops-mail   email to sec@example.com via smtp.example.com:587",
            "routes: 2 (1 default)",
            "reminders: 12h, 6h, 2h, 1h before the deadline; escalate 4h before to pager;"
                + " every 1h when overdue",
            "intake: http 0.0.0.0:8080, imap imap.example.com:993/INBOX",
            "dashboard: 0 users, login token",
            "reply: via smtp.example.com:587",
            "customers: off",
            "health api: off");
    assertThat(run.out()).doesNotContain(INLINE).doesNotContain(FROM_ENV).doesNotContain(FROM_FILE);
  }

  @Test
  void summarisesTheDefaultsOfAnEmptyFile() throws IOException {
    Run run = Run.of("check-config", write("").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("storage: embedded SQLite in data directory from the command line")
        .contains("receivers: 1\n  console  console (standard output)\n")
        .contains("intake: off")
        .contains("customers: off");
  }

  @Test
  void summarisesWhoIsToldAboutTheirCases() throws IOException {
    Path file =
        write(
            """
            accounts:
              - {id: "111122223333", customer: acme, contacts: [{email: ops@acme.example, language: ja}, {email: sec@acme.example}]}
              - {id: "222233334444", customer: other}
            customers:
              notify_when: [{customer: [acme]}]
            reply: {host: smtp.example.com, from: desk@example.com}
            """);

    Run run = Run.of("check-config", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "customers: 1 rule, 2 contacts on 1 account; answer 8h before the deadline, reminded"
                + " every 4h, links valid 7 days\n");
  }

  @Test
  void printsEveryProblemOnItsOwnLineAndExitsWith78() throws IOException {
    Path file =
        write(
            """
            storage:
              urll: x
            receivers:
              - name: ops-slack
                slack: {webhook_url: "ftp://%1$s"}
              - name: ops-hook
                webhook: {url: "https://h.example.com", hmac_secret: {env: HMAC}}
              - name: ops-teams
                teams: {}
            routes:
              - receivers: [ops-slack, ops-x]
            reminders:
              offsets: [12h, 12x]
            intake:
              smtp: {protocol: esmtp}
            """
                .formatted(INLINE));

    Run run = Run.of("check-config", file.toString());

    assertThat(run.exitCode()).isEqualTo(78);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .containsExactly(
            "storage.urll: unknown key (line 2)",
            "receivers[0].slack.webhook_url: must be an http or https URL (line 5)",
            "receivers[1].webhook.hmac_secret: environment variable HMAC is not set (line 7)",
            "receivers[2].teams.workflow_url: required (line 9)",
            "routes[0].receivers[1]: unknown receiver \"ops-x\" (line 11)",
            "reminders.offsets[1]: not a duration: \"12x\" (line 13)",
            "intake.smtp.protocol: must be smtp or lmtp (line 15)");
    assertThat(run.err()).doesNotContain(INLINE);
  }

  @Test
  void reportsAMissingFile() {
    Run run = Run.of("check-config", dir.resolve("nope.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(78);
    assertThat(run.err().strip())
        .isEqualTo("cannot read " + dir.resolve("nope.yaml") + ": no such file");
  }

  @Test
  void acceptsTheAnnotatedExampleInTheDocs() {
    Path example = DocsExample.path();

    Run run = Run.of(DocsExample.ENV, "", "check-config", example.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .contains(
            "storage: PostgreSQL",
            "accounts: 4",
            "receivers: 11",
            "routes: 3 (1 default)",
            "intake: smtp 127.0.0.1:2525, http 127.0.0.1:8080, imap imap.example.com:993/INBOX",
            "dashboard: 1 user, login token",
            "health api: every 5m in us-east-1");
    for (String secret : DocsExample.ENV.values()) {
      assertThat(run.out()).doesNotContain(secret);
    }
  }

  @Test
  void namesTheSmtpCertificateAndItsLastDayButNotTheKey() throws Exception {
    TestCertificates.Issued issued = TestCertificates.selfSigned(dir, "abuse.example.com", "EC");
    Path file =
        write(
            """
            intake:
              smtp:
                listen: "0.0.0.0:2525"
                username: relay
                password: %s
                tls: {certificate_file: abuse.example.com-fullchain.pem,
                      key_file: abuse.example.com-privkey.pem}
            """
                .formatted(INLINE));

    Run run = Run.of("check-config", file.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    String lastDay = issued.certificate().getNotAfter().toInstant().toString().substring(0, 10);
    assertThat(run.out().lines())
        .contains(
            "intake: smtp 0.0.0.0:2525 (STARTTLS, CN=abuse.example.com until " + lastDay + ")");
    String key = issued.keyPem();
    assertThat(run.out())
        .doesNotContain(INLINE)
        .doesNotContain(key.lines().skip(1).findFirst().orElseThrow());
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("abusedesk.yaml"), yaml);
  }
}
