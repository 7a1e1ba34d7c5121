package dev.abusedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.testing.Fixtures;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The charts page on the real desk: cases count on the date AWS reported them, over the range the
 * reader picks, in the configured zone; a range it does not offer is refused.
 */
class ChartsTest {

  /** A Monday morning in Tokyo. */
  static final Instant NOW = Instant.parse("2025-11-10T03:00:00Z");

  @TempDir Path dir;
  DeskServer server;
  WebClient browser;

  static byte[] dated(String fixture, String date) {
    return new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8)
        .replaceFirst("(?m)^Date: .*$", "Date: " + date)
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * This week's port scan, and a backfill recorded today: a DoS case AWS reported in January, and a
   * spam case reported on Sunday evening UTC, which is already Monday in Tokyo.
   */
  @BeforeEach
  void start() {
    server =
        new DeskServer(
            dir, DeskSecurityTest.config("timezone: Asia/Tokyo\n"), NOW, true, Optional.empty());
    browser = new WebClient(server);
    browser.login("hanako", "correct horse");
    server.record(Fixtures.bytes("email/ts-port-scan.eml"), "s1");
    server.record(dated("email/ec2-abuse-dos.eml", "Tue, 14 Jan 2025 03:12:40 +0000"), "s2");
    server.record(dated("email/ec2-abuse-spam-eni.eml", "Sun, 09 Nov 2025 20:00:00 +0000"), "s3");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String charts(String query) {
    HttpResponse<String> page = browser.get("/dashboard/charts" + query);
    assertThat(page.statusCode()).isEqualTo(200);
    return page.body();
  }

  private static String perCategory(String page) {
    int from = page.indexOf("id=\"per-category\"");
    return page.substring(from, page.indexOf("</svg>", from));
  }

  @Test
  void aBackfilledCaseCountsWhenAwsReportedItNotThisWeek() {
    String weeks = perCategory(charts(""));

    assertThat(weeks)
        .contains(
            "<title>11/3 · Port scanning: 1</title>",
            "<title>11/10 · Spam / unsolicited email: 1</title>")
        .doesNotContain("Denial of service");
    assertThat(charts("")).contains("id=\"range-12w\" aria-current=\"page\"");
  }

  @Test
  void aLongerRangeCountsByMonthAndReachesTheBackfill() {
    String year = perCategory(charts("?range=12m"));
    String all = perCategory(charts("?range=all"));
    String sixMonths = perCategory(charts("?range=6m"));

    assertThat(year)
        .contains(
            "<title>2025-01 · Denial of service (DoS) attack: 1</title>",
            "<title>2025-11 · Port scanning: 1</title>")
        .doesNotContain("2024-11");
    assertThat(all)
        .contains("<title>2025-01 · Denial of service (DoS) attack: 1</title>")
        .doesNotContain("2024-12");
    assertThat(sixMonths).doesNotContain("Denial of service").contains("11/3 · Port scanning: 1");
    assertThat(charts("?range=12m"))
        .contains("Cases per month by category", "id=\"range-12m\" aria-current=\"page\"");
  }

  @Test
  void theRangeIsOneOfTheFourOfferedAndAnythingElseIsRefusedWithoutBeingEchoed() {
    for (String hostile :
        List.of(
            "<script>alert(1)</script>",
            "12W",
            "13w",
            "",
            "all ",
            "12m\"><svg onload=alert(1)>",
            "../../etc/passwd",
            "a".repeat(5000))) {
      HttpResponse<String> page =
          browser.get(
              "/dashboard/charts?range=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
      assertThat(page.statusCode()).as(hostile).isEqualTo(400);
      assertThat(page.body())
          .as(hostile)
          .contains(Words.BAD_RANGE.in(dev.abusedesk.config.Language.EN))
          .doesNotContain("<svg", "alert(1)", "passwd", "aaaaaaaa");
    }
  }

  @Test
  void theRangeSelectorAndExplanationAreInTheReadersLanguage() {
    String ja = charts("?range=6m&lang=ja");

    assertThat(ja)
        .contains(
            ">直近12週間</a>",
            "id=\"range-6m\" aria-current=\"page\" class=\"current\">直近6か月</a>",
            ">全期間</a>",
            Words.BY_REPORT_DATE.in(dev.abusedesk.config.Language.JA),
            "週ごとのケース数（種別）");
  }
}
