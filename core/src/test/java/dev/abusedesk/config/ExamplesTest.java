package dev.abusedesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.ReceiverKind.Chatwork;
import dev.abusedesk.config.ReceiverKind.Discord;
import dev.abusedesk.config.ReceiverKind.GoogleChat;
import dev.abusedesk.config.ReceiverKind.SlackWebhook;
import dev.abusedesk.config.ReceiverKind.Teams;
import dev.abusedesk.config.ReceiverKind.Webhook;
import dev.abusedesk.testing.DocsExample;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExamplesTest {

  static final String EXAMPLE_1 =
      """
      language: en
      timezone: Asia/Tokyo
      accounts:
        - {id: "444455556666", name: shop-prod, customer: Example Shop}
      receivers:
        - name: ops-slack
          slack: {webhook_url: "http://127.0.0.1:9000/slack"}
        - name: ops-hook
          webhook: {url: "http://127.0.0.1:9000/hook", hmac_secret: "change-me"}
        - name: ops-teams
          teams: {workflow_url: "http://127.0.0.1:9000/teams"}
        - name: ops-gchat
          google_chat: {webhook_url: "http://127.0.0.1:9000/gchat"}
        - name: ops-discord
          discord: {webhook_url: "http://127.0.0.1:9000/discord"}
        - name: ops-chatwork
          chatwork: {api_token: "change-me", room_id: "123", api_url: "http://127.0.0.1:9000/chatwork/v2"}
      routes:
        - receivers: [ops-slack, ops-hook, ops-teams, ops-gchat, ops-discord, ops-chatwork]
      """;

  static final String EXAMPLE_2 =
      """
      intake:
        smtp: {listen: "127.0.0.1:2525", protocol: smtp, max_message_bytes: 31457280}
        http: {listen: "127.0.0.1:8080", token: "change-me",
               sns_topics: ["arn:aws:sns:ap-northeast-1:123456789012:abuse-events"]}
        imap: {host: imap.example.com, port: 993, tls: true, username: security@example.com,
               password: {env: IMAP_PASSWORD}, folder: INBOX, move_to: Processed, interval: 60s}
      """;

  @Test
  void acceptsTheFirstExampleAsWritten() {
    Config config = Yaml.parse(EXAMPLE_1);

    assertThat(config.language()).isEqualTo(Language.EN);
    assertThat(config.timezone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(config.accounts())
        .containsExactly(
            new Account(
                "444455556666", Optional.of("shop-prod"), Optional.of("Example Shop"), Map.of()));
    assertThat(config.receivers())
        .extracting(Receiver::name)
        .containsExactly(
            "ops-slack", "ops-hook", "ops-teams", "ops-gchat", "ops-discord", "ops-chatwork");
    assertThat(config.receivers())
        .extracting(r -> (Object) r.kind().getClass())
        .containsExactly(
            SlackWebhook.class,
            Webhook.class,
            Teams.class,
            GoogleChat.class,
            Discord.class,
            Chatwork.class);
    assertThat(config.routes())
        .containsExactly(
            new Route(
                Match.any(),
                List.of(
                    "ops-slack",
                    "ops-hook",
                    "ops-teams",
                    "ops-gchat",
                    "ops-discord",
                    "ops-chatwork"),
                false));
  }

  @Test
  void readsEveryReceiverOfTheFirstExample() {
    Config config = Yaml.parse(EXAMPLE_1);

    SlackWebhook slack = (SlackWebhook) config.receiver("ops-slack").orElseThrow().kind();
    assertThat(slack.webhookUri()).isEqualTo(URI.create("http://127.0.0.1:9000/slack"));
    Webhook hook = (Webhook) config.receiver("ops-hook").orElseThrow().kind();
    assertThat(hook.url()).isEqualTo(URI.create("http://127.0.0.1:9000/hook"));
    assertThat(hook.hmacSecret()).map(Secret::reveal).contains("change-me");
    assertThat(((Teams) config.receiver("ops-teams").orElseThrow().kind()).workflowUri())
        .hasPath("/teams");
    assertThat(((GoogleChat) config.receiver("ops-gchat").orElseThrow().kind()).webhookUri())
        .hasPath("/gchat");
    assertThat(((Discord) config.receiver("ops-discord").orElseThrow().kind()).webhookUri())
        .hasPath("/discord");
    Chatwork chatwork = (Chatwork) config.receiver("ops-chatwork").orElseThrow().kind();
    assertThat(chatwork.apiToken().reveal()).isEqualTo("change-me");
    assertThat(chatwork.roomId()).isEqualTo("123");
    assertThat(chatwork.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9000/chatwork/v2"));
    assertThat(chatwork.mentionAccountIds()).isEmpty();
  }

  @Test
  void acceptsTheSecondExampleWithThePasswordFromTheEnvironment() {
    Config config = Yaml.parse(EXAMPLE_2, Map.of("IMAP_PASSWORD", "imap-pw-1"));

    Intake.Smtp smtp = config.intake().smtp().orElseThrow();
    assertThat(smtp.listen()).isEqualTo(new ListenAddress("127.0.0.1", 2525));
    assertThat(smtp.protocol()).isEqualTo(Intake.Protocol.SMTP);
    assertThat(smtp.maxMessageBytes()).isEqualTo(31_457_280L);
    assertThat(smtp.username()).isEmpty();
    Intake.Http http = config.intake().http().orElseThrow();
    assertThat(http.listen()).hasToString("127.0.0.1:8080");
    assertThat(http.token()).map(Secret::reveal).contains("change-me");
    assertThat(http.snsTopics())
        .containsExactly("arn:aws:sns:ap-northeast-1:123456789012:abuse-events");
    assertThat(http.maxBodyBytes()).isEqualTo(Intake.DEFAULT_MAX_BYTES);
    Intake.Imap imap = config.intake().imap().orElseThrow();
    assertThat(imap.host()).isEqualTo("imap.example.com");
    assertThat(imap.port()).isEqualTo(993);
    assertThat(imap.tls()).isTrue();
    assertThat(imap.username()).isEqualTo("security@example.com");
    assertThat(imap.password()).map(Secret::reveal).contains("imap-pw-1");
    assertThat(imap.password()).map(Secret::source).contains("env IMAP_PASSWORD");
    assertThat(imap.oauth2Token()).isEmpty();
    assertThat(imap.folder()).isEqualTo("INBOX");
    assertThat(imap.moveTo()).contains("Processed");
    assertThat(imap.interval()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void refusesTheSecondExampleWhenTheEnvironmentLacksThePassword() {
    assertThat(Yaml.problems(EXAMPLE_2))
        .containsExactly("intake.imap.password: environment variable IMAP_PASSWORD is not set");
  }

  @Test
  void loadsTheAnnotatedExampleInTheDocs() {
    Path example = DocsExample.path();
    Config config = Config.load(example, DocsExample.ENV);

    assertThat(config.receivers()).hasSize(11);
    assertThat(config.receivers())
        .extracting(r -> r.kind().key())
        .contains(
            "slack",
            "teams",
            "google_chat",
            "chatwork",
            "discord",
            "webhook",
            "email",
            "pagerduty",
            "console");
    assertThat(config.accounts()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(config.intake().smtp()).isPresent();
    assertThat(config.intake().http()).isPresent();
    assertThat(config.intake().imap()).isPresent();
    assertThat(config.reply()).isPresent();
    assertThat(config.healthApi().enabled()).isTrue();
    assertThat(config.dashboard().users()).hasSize(1);
    assertThat(config.customers().isOn()).isTrue();
    assertThat(config.account("444455556666").orElseThrow().contacts())
        .containsExactly(
            new Contact("ops@shop.example", Language.JA),
            new Contact("security@shop.example", Language.EN));
    assertThat(config.accounts())
        .filteredOn(a -> !a.contacts().isEmpty())
        .hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void withoutAFileEverythingHasItsDefault() {
    Config config = Config.defaults();

    assertThat(config.language()).isEqualTo(Language.EN);
    assertThat(config.timezone()).isEqualTo(ZoneOffset.UTC);
    assertThat(config.publicUrl()).isEmpty();
    assertThat(config.deadline()).isEqualTo(Duration.ofHours(24));
    assertThat(config.storage()).isEqualTo(Storage.embedded());
    assertThat(config.accounts()).isEmpty();
    assertThat(config.receivers()).containsExactly(Receiver.console());
    assertThat(config.routes()).containsExactly(new Route(Match.any(), List.of("console"), false));
    assertThat(config.reminders().offsets())
        .containsExactly(
            Duration.ofHours(12), Duration.ofHours(6), Duration.ofHours(2), Duration.ofHours(1));
    assertThat(config.reminders().acknowledgedOffsets()).containsExactly(Duration.ofHours(2));
    assertThat(config.reminders().escalateAt()).isEqualTo(Duration.ofHours(4));
    assertThat(config.reminders().escalationReceivers()).isEmpty();
    assertThat(config.reminders().overdueInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(config.intake().isOff()).isTrue();
    assertThat(config.dashboard()).isEqualTo(Dashboard.defaults());
    assertThat(config.dashboard().sessionHours()).isEqualTo(12);
    assertThat(config.reply()).isEmpty();
    assertThat(config.customers()).isEqualTo(Customers.off());
    assertThat(config.healthApi())
        .isEqualTo(
            new HealthApi(false, false, Duration.ofMinutes(5), "us-east-1", Optional.empty()));
    assertThat(config.logging()).isEqualTo(Logging.defaults());
  }

  @Test
  void anEmptyFileOrOneWithOnlyCommentsIsTheDefaults() {
    assertThat(Yaml.parse("")).isEqualTo(Config.defaults());
    assertThat(Yaml.parse("# nothing configured yet\n")).isEqualTo(Config.defaults());
    assertThat(Yaml.parse("{}")).isEqualTo(Config.defaults());
    assertThat(Yaml.parse("---\n")).isEqualTo(Config.defaults());
    assertThat(Yaml.parse("~")).isEqualTo(Config.defaults());
  }

  @Test
  void receiversWithoutRoutesAllGetEverything() {
    Config config =
        Yaml.parse(
            """
            receivers:
              - {name: a, console: {}}
              - {name: b, console: }
            """);

    assertThat(config.routes()).containsExactly(new Route(Match.any(), List.of("a", "b"), false));
  }
}
