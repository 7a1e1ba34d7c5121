package dev.abusedesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {

  // Distinctive values: if any of them shows up in printed output, a secret leaked.
  static final String INLINE = "inline-s3cr3t-7f3a";
  static final String FROM_ENV = "env-s3cr3t-91bc";
  static final String FROM_FILE = "file-s3cr3t-c0de";
  static final String WEBHOOK = "https://hooks.example.com/services/url-s3cr3t-5eed";

  @TempDir Path dir;

  @Test
  void readsSecretsInlineFromTheEnvironmentAndFromFiles() throws IOException {
    Files.writeString(dir.resolve("pd.key"), FROM_FILE + "\n");
    Config config =
        Config.parse(
            """
            receivers:
              - name: hook
                webhook: {url: "https://h.example.com", hmac_secret: %s}
              - name: chat
                chatwork: {api_token: {env: CHATWORK_TOKEN}, room_id: "1"}
              - name: pager
                pagerduty: {routing_key: {file: pd.key}}
            """
                .formatted(INLINE),
            dir,
            Map.of("CHATWORK_TOKEN", FROM_ENV));

    ReceiverKind.Webhook hook = (ReceiverKind.Webhook) config.receiver("hook").orElseThrow().kind();
    assertThat(hook.hmacSecret().orElseThrow().reveal()).isEqualTo(INLINE);
    assertThat(hook.hmacSecret().orElseThrow().source()).isEqualTo("inline");
    ReceiverKind.Chatwork chat =
        (ReceiverKind.Chatwork) config.receiver("chat").orElseThrow().kind();
    assertThat(chat.apiToken().reveal()).isEqualTo(FROM_ENV);
    assertThat(chat.apiToken().source()).isEqualTo("env CHATWORK_TOKEN");
    ReceiverKind.PagerDuty pager =
        (ReceiverKind.PagerDuty) config.receiver("pager").orElseThrow().kind();
    assertThat(pager.routingKey().reveal()).isEqualTo(FROM_FILE);
    assertThat(pager.routingKey().source()).isEqualTo("file " + dir.resolve("pd.key"));
  }

  @Test
  void neverPrintsASecretInARecord() throws IOException {
    Files.writeString(dir.resolve("token"), FROM_FILE);
    Config config =
        Config.parse(
            """
            storage: {url: "jdbc:postgresql://db/x?password=%1$s", username: u, password: %1$s}
            receivers:
              - name: slack
                slack: {webhook_url: "%2$s"}
              - name: bot
                slack: {bot_token: {env: BOT}, channel: C1, signing_secret: {file: token}}
              - name: hook
                webhook: {url: "https://h.example.com", headers: {Authorization: {env: BOT}}}
              - name: mail
                email: {host: smtp.example.com, username: u, password: %1$s, from: a@example.com, to: [b@example.com]}
            intake:
              http: {listen: "0.0.0.0:8080", token: {env: BOT}}
              imap: {host: imap.example.com, username: u, oauth2_token: {file: token}}
            dashboard: {token: %1$s, link_secret: "%1$s-long-enough-for-a-link-key"}
            reply: {host: smtp.example.com, username: u, password: {env: BOT}, from: a@example.com}
            """
                .formatted(INLINE, WEBHOOK),
            dir,
            Map.of("BOT", FROM_ENV));

    assertThat(config.toString())
        .doesNotContain(INLINE)
        .doesNotContain(FROM_ENV)
        .doesNotContain(FROM_FILE)
        .doesNotContain("url-s3cr3t")
        .contains("Secret[***]");
  }

  @Test
  void neverPrintsASecretInAProblem() throws IOException {
    Files.writeString(dir.resolve("empty"), "\n");
    ConfigException e =
        Yaml.exception(
            """
            receivers:
              - name: slack
                slack: {webhook_url: "ftp://%1$s"}
              - name: teams
                teams: {workflow_url: {env: TEAMS_URL}}
              - name: pd
                pagerduty: {routing_key: {file: empty}}
              - name: pd2
                pagerduty: {routing_key: {file: missing}}
              - name: pd3
                pagerduty: {routing_key: {env: NOT_SET}}
              - name: pd4
                pagerduty: {routing_key: {env: X, file: y}}
            storage: {url: "mysql://u:%1$s@db"}
            dashboard: {link_secret: "%1$s", users: [{name: a, password_hash: "%1$s"}]}
            """
                .formatted(INLINE),
            dir,
            Map.of("TEAMS_URL", "not a url " + FROM_ENV));

    assertThat(e.problems().stream().map(Problem::withoutLine))
        .containsExactly(
            "receivers[0].slack.webhook_url: must be an http or https URL",
            "receivers[1].teams.workflow_url: must be an http or https URL",
            "receivers[2].pagerduty.routing_key: secret file " + dir.resolve("empty") + " is empty",
            "receivers[3].pagerduty.routing_key: cannot read secret file "
                + dir.resolve("missing")
                + ": no such file",
            "receivers[4].pagerduty.routing_key: environment variable NOT_SET is not set",
            "receivers[5].pagerduty.routing_key: must be a string, {env: NAME} or {file: PATH}",
            "storage.url: must start with jdbc:postgresql: or jdbc:sqlite:",
            "dashboard.users[0].password_hash: not a pbkdf2-sha256 hash; make one with abusedesk"
                + " hash-password",
            "dashboard.link_secret: must be at least 32 characters");
    assertThat(e.getMessage()).doesNotContain(INLINE).doesNotContain(FROM_ENV);
    assertThat(e.problems().toString()).doesNotContain(INLINE).doesNotContain(FROM_ENV);
  }

  @Test
  void aSecretPrintsAsStars() {
    Secret secret = Secret.of(INLINE);

    assertThat(secret).hasToString("Secret[***]");
    assertThat(String.valueOf(secret)).doesNotContain(INLINE);
    assertThat(secret.reveal()).isEqualTo(INLINE);
  }

  @Test
  void secretsAreEqualByValueWithoutTellingItThroughTheirHash() {
    assertThat(Secret.of("a")).isEqualTo(Secret.inline("a")).isNotEqualTo(Secret.of("b"));
    assertThat(Secret.of("a").hashCode()).isEqualTo(Secret.of("b").hashCode());
  }

  @Test
  void anEmptyEnvironmentVariableIsAProblem() {
    assertThat(
            Yaml.problems("intake: {http: {token: {env: TOKEN}}}", Yaml.HERE, Map.of("TOKEN", "")))
        .containsExactly("intake.http.token: environment variable TOKEN is empty");
  }

  @Test
  void dropsOnlyTheTrailingLineBreakOfASecretFile() throws IOException {
    Files.writeString(dir.resolve("token"), "  spaced token  \r\n");

    Config config = Config.parse("intake: {http: {token: {file: token}}}", dir, Map.of());

    assertThat(config.intake().http().orElseThrow().token().orElseThrow().reveal())
        .isEqualTo("  spaced token  ");
  }

  @Test
  void resolvesSecretFilesAgainstTheDirectoryOfTheConfigurationFile() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("etc"));
    Files.writeString(sub.resolve("token"), FROM_FILE);
    Files.writeString(sub.resolve("abusedesk.yaml"), "intake: {http: {token: {file: token}}}\n");

    Config config = Config.load(sub.resolve("abusedesk.yaml"), Map.of());

    assertThat(config.intake().http().orElseThrow().token().orElseThrow().reveal())
        .isEqualTo(FROM_FILE);
  }

  @Test
  void aSecretThatCannotBeReadFailsOnlyWhereItIsRevealedWhenCheckedWhenUsed() {
    Config config =
        Config.parse(
            """
            receivers:
              - name: slack
                slack: {webhook_url: {env: SLACK_URL}}
              - name: pager
                pagerduty: {routing_key: {file: missing.key}}
            dashboard: {link_secret: {env: LINK_SECRET}}
            """,
            dir,
            Map.of(),
            SecretCheck.WHEN_USED);

    ReceiverKind.SlackWebhook slack =
        (ReceiverKind.SlackWebhook) config.receiver("slack").orElseThrow().kind();
    assertThat(slack.webhookUrl()).hasToString("Secret[***]");
    assertThat(slack.webhookUrl().source()).isEqualTo("env SLACK_URL");
    assertThatThrownBy(slack::webhookUri)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new Problem(
                            "receivers[0].slack.webhook_url",
                            "environment variable SLACK_URL is not set",
                            3)));
    ReceiverKind.PagerDuty pager =
        (ReceiverKind.PagerDuty) config.receiver("pager").orElseThrow().kind();
    assertThatThrownBy(pager.routingKey()::reveal)
        .hasMessageContaining(
            "receivers[1].pagerduty.routing_key: cannot read secret file "
                + dir.resolve("missing.key")
                + ": no such file (line 5)");
    assertThat(config.dashboard().linkSecret().orElseThrow().problem())
        .map(Problem::withoutLine)
        .contains("dashboard.link_secret: environment variable LINK_SECRET is not set");
  }

  @Test
  void aSecretThatCannotBeReadIsStillAProblemAtLoadByDefault() {
    assertThat(
            Yaml.problems(
                "receivers: [{name: slack, slack: {webhook_url: {env: SLACK_URL}}}]",
                Yaml.HERE,
                Map.of()))
        .containsExactly(
            "receivers[0].slack.webhook_url: environment variable SLACK_URL is not set");
  }

  @Test
  void aSecretWrittenWronglyIsAProblemEvenWhenCheckedWhenUsed() {
    assertThatThrownBy(
            () ->
                Config.parse(
                    "intake: {http: {token: {env: A, file: b}}}",
                    dir,
                    Map.of(),
                    SecretCheck.WHEN_USED))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::withoutLine)
                    .containsExactly(
                        "intake.http.token: must be a string, {env: NAME} or {file: PATH}"));
  }

  @Test
  void aSecretThatCouldNotBeReadEqualsOnlyItself() {
    Secret unread =
        Secret.unread(new Problem("token", "environment variable T is not set"), "env T");

    assertThat(unread).isEqualTo(unread).isNotEqualTo(Secret.of("x"));
    assertThat(Secret.of("x")).isNotEqualTo(unread);
  }
}
