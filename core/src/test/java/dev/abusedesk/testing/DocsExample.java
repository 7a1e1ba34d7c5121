package dev.abusedesk.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code docs/abusedesk.example.yaml} and the environment it refers to, with made-up values. */
public final class DocsExample {

  public static final Map<String, String> ENV =
      Map.ofEntries(
          Map.entry("DATABASE_PASSWORD", "example-database-password"),
          Map.entry("SLACK_WEBHOOK_URL", "https://hooks.example.com/services/ops-slack"),
          Map.entry("SLACK_BOT_TOKEN", "xoxb-example"),
          Map.entry("SLACK_SIGNING_SECRET", "example-signing-secret"),
          Map.entry("TEAMS_WORKFLOW_URL", "https://prod.example.com/workflows/teams"),
          Map.entry("GOOGLE_CHAT_WEBHOOK_URL", "https://chat.example.com/v1/spaces/x/messages"),
          Map.entry("CHATWORK_API_TOKEN", "example-chatwork-token"),
          Map.entry("DISCORD_WEBHOOK_URL", "https://discord.example.com/api/webhooks/1/x"),
          Map.entry("WEBHOOK_HMAC_SECRET", "example-hmac-secret"),
          Map.entry("TICKETING_AUTHORIZATION", "Bearer example"),
          Map.entry("SMTP_PASSWORD", "example-smtp-password"),
          Map.entry("PAGERDUTY_ROUTING_KEY", "example-routing-key"),
          Map.entry("INTAKE_SMTP_PASSWORD", "example-intake-smtp-password"),
          Map.entry("INTAKE_TOKEN", "example-intake-token"),
          Map.entry("IMAP_PASSWORD", "example-imap-password"),
          Map.entry("DASHBOARD_TOKEN", "example-dashboard-token"),
          Map.entry("DASHBOARD_LINK_SECRET", "example-link-secret-of-at-least-32-characters"));

  private DocsExample() {}

  /** The example file, found from the core module or a sibling module. */
  public static Path path() {
    for (Path candidate :
        List.of(
            Path.of("docs", "abusedesk.example.yaml"),
            Path.of("..", "docs", "abusedesk.example.yaml"))) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("docs/abusedesk.example.yaml not found");
  }
}
