package dev.abusedesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.testing.DocsExample;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReceiversTest {

  static final Map<String, String> ENV = Map.of("TOKEN", "xoxb-1", "SIGNING", "sig");

  @Test
  void readsASlackBotWithItsDefaults() {
    Receiver bot =
        Yaml.parse(
                """
                receivers:
                  - name: bot
                    slack: {bot_token: {env: TOKEN}, channel: "C0123"}
                    mentions: ["<!subteam^S123>", "<@U456>"]
                    rate_per_second: 0.5
                """,
                ENV)
            .receivers()
            .get(0);

    assertThat(bot.kind())
        .isEqualTo(
            new ReceiverKind.SlackBot(
                Secret.of("xoxb-1"),
                "C0123",
                URI.create("https://slack.com/api"),
                Optional.empty()));
    assertThat(bot.mentions()).containsExactly("<!subteam^S123>", "<@U456>");
    assertThat(bot.ratePerSecond()).hasValue(0.5);
    assertThat(bot.kind().describe()).isEqualTo("slack bot C0123");
  }

  @Test
  void readsASlackBotWithASigningSecretAndAnotherApi() {
    ReceiverKind.SlackBot bot =
        (ReceiverKind.SlackBot)
            Yaml.parse(
                    """
                    receivers:
                      - name: bot
                        slack:
                          bot_token: {env: TOKEN}
                          channel: "C0123"
                          api_url: "http://127.0.0.1:9000/api"
                          signing_secret: {env: SIGNING}
                    """,
                    ENV)
                .receivers()
                .get(0)
                .kind();

    assertThat(bot.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9000/api"));
    assertThat(bot.signingSecret()).map(Secret::reveal).contains("sig");
  }

  @Test
  void readsEmailPagerDutyWebhookChatworkAndConsole() {
    Config config =
        Yaml.parse(
            """
            receivers:
              - name: mail
                email:
                  host: smtp.example.com
                  port: 465
                  starttls: false
                  username: desk
                  password: pw
                  from: Abuse Desk <desk@example.com>
                  to: [a@example.com, b@example.com]
              - name: pd
                pagerduty: {routing_key: rk}
              - name: hook
                webhook:
                  url: https://hooks.example.com/x
                  headers: {X-Tenant: acme, Authorization: "Bearer t"}
              - name: cw
                chatwork: {api_token: t, room_id: 42, mention_account_ids: ["111", 222]}
              - name: out
                console:
            """);

    assertThat(config.receiver("mail").orElseThrow().kind())
        .isEqualTo(
            new ReceiverKind.Email(
                "smtp.example.com",
                465,
                false,
                Optional.of("desk"),
                Optional.of(Secret.of("pw")),
                "Abuse Desk <desk@example.com>",
                List.of("a@example.com", "b@example.com")));
    assertThat(config.receiver("pd").orElseThrow().kind())
        .isEqualTo(
            new ReceiverKind.PagerDuty(
                Secret.of("rk"), URI.create("https://events.pagerduty.com")));
    ReceiverKind.Webhook hook = (ReceiverKind.Webhook) config.receiver("hook").orElseThrow().kind();
    assertThat(hook.headers().keySet()).containsExactly("X-Tenant", "Authorization");
    assertThat(hook.headers().get("Authorization").reveal()).isEqualTo("Bearer t");
    assertThat(hook.hmacSecret()).isEmpty();
    assertThat(config.receiver("cw").orElseThrow().kind())
        .isEqualTo(
            new ReceiverKind.Chatwork(
                Secret.of("t"),
                "42",
                URI.create("https://api.chatwork.com/v2"),
                List.of("111", "222")));
    assertThat(config.receiver("out").orElseThrow().kind()).isEqualTo(new ReceiverKind.Console());
  }

  @Test
  void everyKindTheFileKnowsReadsBackAsARecordAnsweringItsKey() {
    Config config =
        Yaml.parse(
            """
            receivers:
              - {name: slack, slack: {webhook_url: "https://hooks.slack.com/services/T/B/x"}}
              - {name: slack-bot, slack: {bot_token: t, channel: C1}}
              - {name: teams, teams: {workflow_url: "https://example.com/workflow"}}
              - {name: google_chat, google_chat: {webhook_url: "https://chat.example.com/x"}}
              - {name: chatwork, chatwork: {api_token: t, room_id: 42}}
              - {name: discord, discord: {webhook_url: "https://discord.example.com/x"}}
              - {name: webhook, webhook: {url: "https://hooks.example.com/x"}}
              - name: email
                email: {host: smtp.example.com, from: desk@example.com, to: [a@example.com]}
              - {name: pagerduty, pagerduty: {routing_key: rk}}
              - {name: console, console: }
            """);

    assertThat(config.receivers()).allSatisfy(r -> assertThat(r.name()).startsWith(r.kind().key()));
    assertThat(config.receivers().stream().map(r -> r.kind().key()).distinct())
        .containsExactlyElementsOf(ReceiverKinds.KEYS);
  }

  @Test
  void aReceiverWithoutAKindListsEveryKind() {
    assertThat(Yaml.problems("receivers: [{name: nowhere}]"))
        .containsExactly(
            "receivers[0]: needs one kind: slack, teams, google_chat, chatwork, discord, webhook,"
                + " email, pagerduty, console");
  }

  @Test
  void emailNeedsAHostASenderAndRecipients() {
    assertThat(
            Yaml.problems(
                """
                receivers:
                  - name: mail
                    email: {password: pw, to: []}
                """))
        .containsExactly(
            "receivers[0].email.host: required",
            "receivers[0].email.username: required with password",
            "receivers[0].email.from: required",
            "receivers[0].email.to: needs at least one address");
  }

  @Test
  void describesEachKindWithoutItsSecrets() {
    Config config = Config.load(DocsExample.path(), DocsExample.ENV);

    assertThat(config.receivers())
        .extracting(r -> r.name() + ": " + r.kind().describe())
        .containsExactly(
            "ops-slack: slack webhook",
            "ops-slack-bot: slack bot C0123456789",
            "ops-teams: teams workflow",
            "ops-gchat: google_chat webhook",
            "ops-chatwork: chatwork room 123456789",
            "ops-discord: discord webhook",
            "ticketing: webhook to tickets.example.com, signed",
            "ops-mail: email to security@example.com, oncall@example.com via smtp.example.com:587",
            "pager: pagerduty events",
            "console: console (standard output)",
            "dev-slack: slack webhook");
  }

  @Test
  void noReceiversMeansOneConsoleReceiver() {
    assertThat(Yaml.parse("receivers: []").receivers()).containsExactly(Receiver.console());
    assertThat(Yaml.parse("language: ja").receivers()).containsExactly(Receiver.console());
  }
}
