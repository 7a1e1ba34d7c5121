package dev.abusedesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forwarded copies of one AWS notice from Gmail, Outlook and Thunderbird in English and Japanese,
 * each with the forward's own Date in the forwarder's local time (+09:00) and in UTC. Each client's
 * fixture holds the Date as that client usually sends it; the other variant is made here the way a
 * relay makes it, by rewriting the Date header to the same instant in the other zone.
 */
class ForwardedCopiesTest {

  static final Instant READ_AT = Instant.parse("2030-01-01T00:00:00Z");

  /** The AWS notice's own Date: 14:14:02 in Tokyo, which Gmail and Outlook print as "2:14 PM". */
  static final Instant SENT = Instant.parse("2025-10-30T05:14:02Z");

  static final List<String> CLIENTS =
      List.of(
          "email/forwarded-inline-gmail-en.eml",
          "email/forwarded-inline-gmail-ja.eml",
          "email/forwarded-inline-outlook-en.eml",
          "email/forwarded-inline-outlook-ja.eml",
          "email/forwarded-inline-thunderbird-en.eml",
          "email/forwarded-inline-thunderbird-ja.eml");

  static Stream<Arguments> everyClientWithTheForwardDatedInEitherZone() {
    List<Arguments> all = new ArrayList<>();
    for (String fixture : CLIENTS) {
      all.add(Arguments.of(fixture, "+09:00"));
      all.add(Arguments.of(fixture, "Z"));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}, the forward dated in {1}")
  @MethodSource("everyClientWithTheForwardDatedInEitherZone")
  void countsDownFromTheNoticesOwnMinuteWhicheverZoneTheForwardIsDatedIn(
      String fixture, String zone) throws IOException {
    byte[] mail = datedIn(Fixtures.bytes(fixture), ZoneOffset.of(zone));
    Instant forward = outerDate(mail);

    Report report = onlyReport(mail);

    assertThat(report.origin())
        .isInstanceOfSatisfying(
            Report.MailOrigin.class, origin -> assertThat(origin.forwarded()).isTrue());
    assertThat(report.receivedAt()).isBetween(SENT.minusSeconds(2), SENT).isBefore(forward);
    assertThat(report.deadline()).isEqualTo(report.receivedAt().plus(Duration.ofHours(24)));
    if (fixture.contains("thunderbird")) {
      // Thunderbird copies the notice's Date header with its zone: nothing was assumed.
      assertThat(report.assumptions()).isEmpty();
    } else {
      assertThat(report.assumptions()).hasSize(1);
      assertThat(Assumption.read(report.assumptions().get(0)))
          .isInstanceOf(
              zone.equals("Z")
                  ? Assumption.LatestBeforeForward.class
                  : Assumption.ForwardOffset.class);
    }
  }

  @Test
  void everyForwardedFixtureIsDatedNoLaterThanTheForwardItself() throws IOException {
    int forwarded = 0;
    for (String fixture : Fixtures.reports()) {
      if (!fixture.endsWith(".eml")) {
        continue;
      }
      byte[] mail = Fixtures.bytes(fixture);
      Parsed parsed = new ReportParser().parse(mail, READ_AT);
      if (!(parsed instanceof Parsed.Read read)) {
        continue;
      }
      for (Report report : read.reports()) {
        if (report.origin() instanceof Report.MailOrigin origin && origin.forwarded()) {
          assertThat(report.receivedAt()).as(fixture).isBeforeOrEqualTo(outerDate(mail));
          forwarded++;
        }
      }
    }
    assertThat(forwarded).isGreaterThanOrEqualTo(10);
  }

  @Test
  void anAttachedMessageWithoutADateTakesTheForwardsDateAndSaysSo() throws IOException {
    String mail =
        new String(Fixtures.bytes("email/forwarded-as-attachment.eml"), StandardCharsets.UTF_8)
            .replace("Date: Tue, 14 Oct 2025 03:12:40 +0000\n", "");

    Report report = onlyReport(mail.getBytes(StandardCharsets.UTF_8));

    assertThat(report.receivedAt()).isEqualTo(Instant.parse("2025-10-14T04:05:00Z"));
    assertThat(report.assumptions())
        .containsExactly(
            new Assumption.ForwardDate("", Instant.parse("2025-10-14T04:05:00Z")).english());
  }

  private static Report onlyReport(byte[] mail) {
    Parsed parsed = new ReportParser().parse(mail, READ_AT);
    assertThat(parsed).isInstanceOf(Parsed.Read.class);
    List<Report> reports = ((Parsed.Read) parsed).reports();
    assertThat(reports).hasSize(1);
    return reports.get(0);
  }

  private static final Pattern DATE = Pattern.compile("(?m)^Date: (.*)$");

  /** The same mail with its own Date header moved to the same instant in another zone. */
  private static byte[] datedIn(byte[] mail, ZoneOffset zone) throws IOException {
    // Latin-1 keeps every byte, so ISO-2022-JP and UTF-8 bodies come back unchanged.
    String text = new String(mail, StandardCharsets.ISO_8859_1);
    int headerEnd = text.indexOf("\n\n");
    Matcher date = DATE.matcher(text).region(0, headerEnd);
    assertThat(date.find()).isTrue();
    String moved =
        DateTimeFormatter.ofPattern("EEE, d MMM uuuu HH:mm:ss xx", java.util.Locale.US)
            .format(outerDate(mail).atOffset(zone));
    return (text.substring(0, date.start(1)) + moved + text.substring(date.end(1)))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  private static Instant outerDate(byte[] mail) throws IOException {
    String date = MailReader.read(new ByteArrayInputStream(mail)).headers().get("date");
    return Dates.parse(date).orElseThrow();
  }
}
