package dev.abusedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case page says what the deadline assumed, in the viewer's language, escaped. */
class CasePageAssumptionsTest {

  static final Instant NOW = Instant.parse("2025-10-30T06:00:00Z");

  /** Outlook's forward, dated in UTC, of a notice it printed as 2:14 PM Tokyo time. */
  static final String OUTLOOK = "email/forwarded-inline-outlook-en.eml";

  @TempDir Path dir;

  private String casePage(String config, byte[] mail) {
    try (DeskServer server = new DeskServer(dir, config, NOW, true, Optional.empty())) {
      long id = server.record(mail, "s1");
      return new WebClient(server).get("/dashboard/cases/" + id).body();
    }
  }

  @Test
  void saysInEnglishWhichReadingOfAZonelessForwardedDateTheDeadlineRestsOn() {
    String page = casePage("", Fixtures.bytes(OUTLOOK));

    assertThat(page)
        .contains(
            "<dt>Assumed</dt><dd class=\"assumed\">The forwarded date &quot;Thursday, October 30,"
                + " 2025 2:14 PM&quot; names no zone, and in the forward&#39;s own offset (+00:00)"
                + " it falls after the forward itself (2025-10-30 05:20:31 UTC); read it as"
                + " 2025-10-30 14:14:00 +09:00 (2025-10-30 05:14:00 UTC), the latest reading not"
                + " after the forward.</dd>");
  }

  @Test
  void saysItInJapaneseToAJapaneseViewer() {
    String page = casePage("language: ja\n", Fixtures.bytes(OUTLOOK));

    assertThat(page)
        .contains(
            "<dt>仮定</dt><dd class=\"assumed\">転送された日付「Thursday, October 30, 2025 2:14 PM」"
                + "にはタイムゾーンがなく、転送メール自身の時差（+00:00）で読むと転送（2025-10-30 05:20:31 UTC）"
                + "より後になるため、転送より後にならない最も遅い読み方で 2025-10-30 14:14:00 +09:00"
                + "（2025-10-30 05:14:00 UTC） と読みました。</dd>");
  }

  @Test
  void aCaseWhoseReportsAssumedNothingShowsNoAssumption() {
    String page = casePage("", Fixtures.bytes("email/forwarded-inline-thunderbird-en.eml"));

    assertThat(page).contains("id=\"case-status\"").doesNotContain("class=\"assumed\"");
  }

  @Test
  void aHostileForwardedDateIsInertInTheAssumption() {
    String mail =
        new String(Fixtures.bytes(OUTLOOK), StandardCharsets.US_ASCII)
            .replace(
                "Sent: Thursday, October 30, 2025 2:14 PM",
                "Sent: Thursday, October 30, 2025 2:14 PM <script>alert(1)</script><b>");

    String page = casePage("", mail.getBytes(StandardCharsets.US_ASCII));

    assertThat(page)
        .contains("2:14 PM &lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;&quot; names no zone")
        .doesNotContain("<script>alert(1)", "<b>&quot;");
  }
}
