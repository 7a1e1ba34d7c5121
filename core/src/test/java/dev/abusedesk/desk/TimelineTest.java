package dev.abusedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.Outbox;
import dev.abusedesk.notify.Alert;
import dev.abusedesk.testing.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case's timeline on the real desk: every message labelled by the kind the outbox stored with it,
 * every word in the reader's language, times in the configured zone.
 */
class TimelineTest {

  static final Pattern TIMELINE =
      Pattern.compile("<section id=\"timeline\">(.*?)</section>", Pattern.DOTALL);
  static final Pattern WHAT = Pattern.compile("<b class=\"what\">([^<]*)</b>");
  static final Pattern SHOWN_TIME = Pattern.compile("<time datetime=\"[^\"]+\">([^<]*)</time>");

  @TempDir Path dir;
  DeskServer server;
  WebClient browser;
  long caseId;

  /**
   * A case with a bit of everything: its new-case alert sent in a digest, a person taking it with a
   * note, a reminder the chat refused, a person's note, and AWS closing it (not verified, then
   * verified).
   */
  @BeforeEach
  void start() {
    server =
        new DeskServer(
            dir,
            DeskSecurityTest.config("timezone: Asia/Tokyo\n"),
            DeskSecurityTest.NOW,
            true,
            Optional.empty());
    browser = new WebClient(server);
    browser.login("hanako", "correct horse");
    caseId = server.record(Fixtures.bytes("email/ec2-abuse-dos.eml"), "s1");
    Outbox outbox = server.pipeline.outbox();
    server.clock.advance(Duration.ofMinutes(1));
    List<Outbox.Item> alert =
        outbox.claim(
            new Outbox.Claim(
                "test",
                "slack",
                Optional.empty(),
                server.clock.instant(),
                Duration.ofMinutes(1),
                10));
    outbox.sentInDigest(alert.stream().map(Outbox.Item::id).toList(), server.clock.instant());

    server.clock.advance(Duration.ofMinutes(10));
    browser.get("/dashboard/cases/" + caseId);
    browser.submit(
        "/dashboard/cases/" + caseId + "/move", Map.of("to", "acknowledged", "note", "見ています"));
    List<Outbox.Item> status = claim();
    outbox.sent(status.get(0).id(), server.clock.instant());

    server.clock.advance(Duration.ofHours(20));
    Case c = server.pipeline.store().find(caseId).orElseThrow();
    server.pipeline.dispatcher().queueReminder(c, Alert.Type.REMINDER, List.of(), "remind:4h");
    outbox.failed(claim().get(0).id(), server.clock.instant(), "HTTP 404: channel_not_found");

    server.clock.advance(Duration.ofMinutes(5));
    browser.login("hanako", "correct horse"); // The session of the morning has expired.
    browser.get("/dashboard/cases/" + caseId);
    browser.submit("/dashboard/cases/" + caseId + "/note", Map.of("note", "firewall rule added"));
    server.clock.advance(Duration.ofMinutes(5));
    server.record(CaseProvenanceTest.unverifiedClosingMail(), "s2");
  }

  private List<Outbox.Item> claim() {
    return server
        .pipeline
        .outbox()
        .claim(
            new Outbox.Claim(
                "test",
                "slack",
                Optional.empty(),
                server.clock.instant(),
                Duration.ofMinutes(1),
                10));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String timeline(String lang) {
    String page = browser.get("/dashboard/cases/" + caseId + "?lang=" + lang).body();
    Matcher m = TIMELINE.matcher(page);
    assertThat(m.find()).as("a timeline in %s", page).isTrue();
    return m.group(1);
  }

  private static List<String> all(Pattern pattern, String html) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(html);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void labelsEachMessageByItsKindAndNotesTheDigest() {
    List<String> what = all(WHAT, timeline("en"));

    assertThat(what)
        .containsSubsequence(
            "Case opened",
            "Report received · Notice · email",
            "New-case alert → slack: sent (in a digest)",
            "Status: Open (nobody has taken it) → Acknowledged",
            "Status change told → slack: sent",
            "Reminder → slack: not delivered",
            "Note",
            "Report received · Case closed · email",
            "Alert: AWS says closed, not verified → slack: waiting to be sent");
    assertThat(String.join("\n", what)).doesNotContain("reminded", "case:");
  }

  @Test
  void showsTimesInTheConfiguredZoneToTheMinute() {
    String html = timeline("en");
    List<String> times = all(SHOWN_TIME, html);

    assertThat(times)
        .isNotEmpty()
        .allMatch(t -> t.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d JST"));
    // The report arrived at 05:00 UTC; its alert went in a digest a minute later.
    assertThat(times).contains("2025-10-14 14:00 JST", "2025-10-14 14:01 JST");
    assertThat(html.replaceAll("<[^>]+>", ""))
        .doesNotContainPattern("\\d\\d:\\d\\d:\\d\\d|T\\d\\d:");
  }

  @Test
  void theJapaneseTimelineHasNoEnglishAndNoEmptyQuotes() {
    String html = timeline("ja");
    List<String> what = all(WHAT, html);

    assertThat(what)
        .contains(
            "ケースを作成",
            "新規ケースの通知 → slack：送信済み（ダイジェストで送信）",
            "ステータス：未対応（担当者なし） → 対応中",
            "リマインダー → slack：送信失敗",
            "未検証のクローズ連絡の通知 → slack：送信待ち");
    assertThat(html)
        .contains(
            "<q>見ています</q>",
            "<q>firewall rule added</q>",
            "<q>" + Words.NOTE_UNVERIFIED_CLOSE.in(dev.abusedesk.config.Language.JA) + "</q>")
        .doesNotContain("<q></q>", "「」");
    // What people wrote and what the chat answered are theirs; every other ASCII word is a name.
    String desk =
        html.replaceAll("<q>[^<]*</q>|<code class=\"error\">[^<]*</code>", "")
            .replaceAll("<[^>]+>", " ");
    Set<String> words = new TreeSet<>(all(Pattern.compile("([A-Za-z]{2,})"), desk));
    assertThat(words).isSubsetOf("AWS", "JST", "slack", "hanako");
    for (Words w : Words.values()) {
      String english = w.in(dev.abusedesk.config.Language.EN);
      if (!english.equals(w.in(dev.abusedesk.config.Language.JA)) && english.length() > 3) {
        assertThat(desk).as(w.name()).doesNotContain(english);
      }
    }
  }

  @Test
  void theDesksOwnNotesReadInTheReadersLanguageAndPeoplesNotesAsWritten() {
    browser.get("/dashboard/cases/" + caseId);
    browser.submit("/dashboard/cases/" + caseId + "/confirm", Map.of());

    String en = timeline("en");
    String ja = timeline("ja");

    assertThat(en).contains("<q>Confirmed that AWS&#39;s closing mail is genuine.</q>");
    assertThat(ja).contains("<q>AWSのクローズ通知が本物であることを確認しました。</q>", "<q>見ています</q>");
    assertThat(ja).doesNotContain("confirmed that");
  }

  @Test
  void readsOnlyTheCasesOwnMessages() {
    long other = server.record(Fixtures.bytes("email/ts-port-scan.eml"), "s3");
    assertThat(other).isNotEqualTo(caseId);

    assertThat(all(WHAT, timeline("en")).stream().filter(w -> w.startsWith("New-case alert")))
        .hasSize(1);
  }
}
