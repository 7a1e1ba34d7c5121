package dev.abusedesk.notify;

import dev.abusedesk.config.Account;
import dev.abusedesk.config.Language;
import dev.abusedesk.config.ReceiverKind;
import dev.abusedesk.config.Secret;
import dev.abusedesk.report.Parsed;
import dev.abusedesk.report.Report;
import dev.abusedesk.testing.Fixtures;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One receiver of every kind with made-up credentials, and alerts built from the fixtures. */
final class TestReceivers {

  private TestReceivers() {}

  /** Stands in for the time of reading, for fixtures without a usable date. */
  static final Instant NOW = Instant.parse("2025-10-20T00:00:00Z");

  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  static final URI PUBLIC_URL = URI.create("https://desk.example.com");

  static final List<Account> REGISTRY =
      List.of(
          new Account(
              "444455556666", Optional.of("shop-prod"), Optional.of("Example Shop"), Map.of()),
          new Account(
              "555566667777", Optional.of("media-stg"), Optional.of("Example Media"), Map.of()));

  /** A receiver kind and the mentions configured for it. */
  record Setup(ReceiverKind kind, List<String> mentions) {}

  /** Golden folder name → receiver, every kind once. */
  static Map<String, Setup> all() {
    Map<String, Setup> all = new LinkedHashMap<>();
    all.put(
        "slack-webhook",
        new Setup(
            new ReceiverKind.SlackWebhook(
                Secret.of(
                    "https://hooks.slack.com/services/T0000000/B0000000/XXXXXXXXXXXXXXXXXXXXXXXX")),
            List.of("<!subteam^S0123ABCD>")));
    all.put(
        "slack-bot",
        new Setup(
            new ReceiverKind.SlackBot(
                Secret.of("xoxb-0000-test-token"),
                "C0123456789",
                ReceiverKind.SlackBot.DEFAULT_API_URL,
                Optional.of(Secret.of("8f742231b10e8888abcd99yyyzzz85a5"))),
            List.of("<!subteam^S0123ABCD>")));
    all.put(
        "teams",
        new Setup(
            new ReceiverKind.Teams(
                Secret.of(
                    "https://prod-00.japaneast.logic.azure.com/workflows/0000/triggers/manual/paths/invoke?api-version=2016-06-01&sig=SIGNATURE0000")),
            List.of("Ops on call")));
    all.put(
        "google-chat",
        new Setup(
            new ReceiverKind.GoogleChat(
                Secret.of(
                    "https://chat.googleapis.com/v1/spaces/AAAA/messages?key=KEY0000&token=TOKEN0000")),
            List.of("<users/123456789>")));
    all.put(
        "chatwork",
        new Setup(
            new ReceiverKind.Chatwork(
                Secret.of("cw-test-token-0000"),
                "123456789",
                ReceiverKind.Chatwork.DEFAULT_API_URL,
                List.of("1111111")),
            List.of()));
    all.put(
        "discord",
        new Setup(
            new ReceiverKind.Discord(
                Secret.of("https://discord.com/api/webhooks/1234567890/TOKEN0000")),
            List.of("<@&222222222222222222>")));
    all.put(
        "webhook",
        new Setup(
            new ReceiverKind.Webhook(
                URI.create("https://tickets.example.com/hooks/abuse"),
                Optional.of(Secret.of("change-me")),
                Map.of("X-Tenant", Secret.of("example"))),
            List.of("@oncall")));
    all.put(
        "email",
        new Setup(
            new ReceiverKind.Email(
                "smtp.example.com",
                587,
                true,
                Optional.of("abusedesk@example.com"),
                Optional.of(Secret.of("smtp-password")),
                "Abuse Desk <abusedesk@example.com>",
                List.of("security@example.com")),
            List.of()));
    all.put(
        "pagerduty",
        new Setup(
            new ReceiverKind.PagerDuty(
                Secret.of("R0UTINGKEY000000000000000000000Z"),
                ReceiverKind.PagerDuty.DEFAULT_API_URL),
            List.of()));
    all.put("console", new Setup(new ReceiverKind.Console(), List.of("@oncall")));
    return all;
  }

  static Rendering rendering(Setup setup, Language language, Instant now, Optional<String> thread) {
    return new Rendering(language, TOKYO, now, setup.mentions(), thread);
  }

  /** The abuse reports in a fixture (none for a fixture that is not abuse). */
  static List<Report> reports(String fixture) {
    Parsed parsed = Fixtures.parser().parse(Fixtures.bytes(fixture), NOW);
    if (parsed instanceof Parsed.Read read) {
      return read.reports().stream().filter(Report::isAbuse).toList();
    }
    if (parsed instanceof Parsed.Unreadable && fixture.contains("sns-subscription")) {
      return List.of(); // Not a report: an SNS handshake, answered by the intake.
    }
    throw new IllegalStateException(fixture + " does not parse: " + parsed);
  }

  /** When golden files render a report: an hour after AWS sent it. */
  static Instant sentAt(Report report) {
    return report.receivedAt().plus(Duration.ofHours(1));
  }

  /** The alert a report starts, as case 42, with a case link and an acknowledgement link. */
  static Alert alert(Report report) {
    Alert alert =
        ReportAlert.of(
            report,
            ReportAlert.typeFor(report.kind()),
            42,
            REGISTRY,
            Optional.of(PUBLIC_URL),
            sentAt(report));
    return AlertDraft.of(alert).ackLink(URI.create(PUBLIC_URL + "/ack/42?sig=0000")).build();
  }
}
