package dev.abusedesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a forwarded copy's AWS mail was sent: the forward's own Date bounds every reading. */
class ForwardedDateTest {

  private static ForwardedDate.Reading inline(String printed, String forwardDate) {
    return ForwardedDate.inline(printed, Dates.written(forwardDate));
  }

  private static Assumption only(ForwardedDate.Reading reading) {
    assertThat(reading.assumed()).hasSize(1);
    return Assumption.read(reading.assumed().get(0));
  }

  @Test
  void readsAZonelessDateInTheForwardsOwnOffsetWhenThatLandsBeforeTheForward() {
    ForwardedDate.Reading reading =
        inline("Thu, Oct 30, 2025 at 9:14 AM", "Thu, 30 Oct 2025 09:20:00 +0900");

    assertThat(reading.at()).contains(Instant.parse("2025-10-30T00:14:00Z"));
    assertThat(only(reading))
        .isEqualTo(
            new Assumption.ForwardOffset(
                "Thu, Oct 30, 2025 at 9:14 AM",
                LocalDateTime.parse("2025-10-30T09:14"),
                ZoneOffset.ofHours(9)));
  }

  @Test
  void readsTheIssuesJapaneseColleagueNineHoursEarlierThanTheUtcHeaderSuggests() {
    // Issue 11: the forward's Date in UTC made 9:14 AM read as 09:14Z, after the forward itself.
    ForwardedDate.Reading reading =
        inline("Thu, Oct 30, 2025 at 9:14 AM", "Thu, 30 Oct 2025 00:20:00 +0000");

    assertThat(reading.at()).contains(Instant.parse("2025-10-30T00:14:00Z"));
    assertThat(only(reading))
        .isEqualTo(
            new Assumption.LatestBeforeForward(
                "Thu, Oct 30, 2025 at 9:14 AM",
                ZoneOffset.UTC,
                Instant.parse("2025-10-30T00:20:00Z"),
                LocalDateTime.parse("2025-10-30T09:14"),
                ZoneOffset.ofHours(9)));
  }

  @Test
  void takesTheNearestOffsetSomeZoneUsesNotOneNoZoneUses() {
    // 9:14 read in UTC is 9 h 5 min after the forward: +09:15 would fit, but no zone uses it.
    ForwardedDate.Reading reading =
        inline("Thu, Oct 30, 2025 at 9:14 AM", "Thu, 30 Oct 2025 00:09:00 +0000");

    assertThat(reading.at()).contains(Instant.parse("2025-10-29T23:44:00Z"));
    assertThat(((Assumption.LatestBeforeForward) only(reading)).offset())
        .isEqualTo(ZoneOffset.ofHoursMinutes(9, 30));
  }

  @Test
  void neverDatesACopyAfterTheForwardWhateverTheOffsetsAndTheDelay() {
    Instant forward = Instant.parse("2025-10-30T05:20:31Z");
    DateTimeFormatter gmail =
        DateTimeFormatter.ofPattern("EEE, MMM d, uuuu 'at' h:mm a", Locale.US);
    DateTimeFormatter rfc = DateTimeFormatter.RFC_1123_DATE_TIME;
    int checked = 0;
    for (ZoneOffset header : ForwardedDate.offsetsInUse(forward)) {
      String forwardDate = rfc.format(forward.atOffset(header));
      for (ZoneOffset forwarder : List.of(ZoneOffset.ofHours(9), ZoneOffset.ofHours(-7), header)) {
        for (long minutes = -40 * 60; minutes <= 3 * 60; minutes += 37) {
          Instant original = forward.plus(Duration.ofMinutes(minutes));
          String printed = gmail.format(original.atOffset(forwarder));

          ForwardedDate.Reading reading = inline(printed, forwardDate);

          assertThat(reading.at()).as("%s forwarded at %s", printed, forwardDate).isPresent();
          assertThat(reading.at().get()).isBeforeOrEqualTo(forward);
          assertThat(reading.assumed()).isNotEmpty();
          if (forwarder.equals(header) && !original.isAfter(forward)) {
            // The common case, a Date header in the forwarder's own time, reads exactly.
            assertThat(reading.at().get())
                .isEqualTo(original.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
          }
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void aForwardClockAMinuteSlowKeepsTheForwardersOffsetAndCapsAtTheForward() {
    ForwardedDate.Reading reading =
        inline("Thu, Oct 30, 2025 at 9:14 AM", "Thu, 30 Oct 2025 09:13:30 +0900");

    assertThat(reading.at()).contains(Instant.parse("2025-10-30T00:13:30Z"));
    assertThat(reading.assumed()).hasSize(2);
    assertThat(Assumption.read(reading.assumed().get(0)))
        .isInstanceOf(Assumption.ForwardOffset.class);
    assertThat(Assumption.read(reading.assumed().get(1)))
        .isEqualTo(
            new Assumption.AfterForward(
                Instant.parse("2025-10-30T00:14:00Z"), Instant.parse("2025-10-30T00:13:30Z")));
  }

  @Test
  void readsAZonedDateAsWrittenAndAssumesNothing() {
    ForwardedDate.Reading reading =
        inline("Thu, 30 Oct 2025 00:14:02 +0000", "Thu, 30 Oct 2025 09:20:00 +0900");

    assertThat(reading.at()).contains(Instant.parse("2025-10-30T00:14:02Z"));
    assertThat(reading.assumed()).isEmpty();
  }

  @Test
  void capsAZonedDateLaterThanTheForwardAtTheForward() {
    ForwardedDate.Reading reading =
        inline("Fri, 31 Oct 2025 00:14:02 +0000", "Thu, 30 Oct 2025 09:20:00 +0900");

    assertThat(reading.at()).contains(Instant.parse("2025-10-30T00:20:00Z"));
    assertThat(only(reading)).isInstanceOf(Assumption.AfterForward.class);
  }

  @Test
  void takesTheForwardsOwnDateWhenTheBlockGivesNoUsableDate() {
    for (String printed : List.of("", "gestern", "Thu, Nov 6, 2025 at 9:14 AM")) {
      ForwardedDate.Reading reading = inline(printed, "Thu, 30 Oct 2025 09:20:00 +0900");

      assertThat(reading.at()).as(printed).contains(Instant.parse("2025-10-30T00:20:00Z"));
      assertThat(only(reading)).isInstanceOf(Assumption.ForwardDate.class);
    }
  }

  @Test
  void readsAtTheEarliestOffsetWhenTheForwardHasNoReadableDate() {
    ForwardedDate.Reading reading = inline("Thu, Oct 30, 2025 at 9:14 AM", "yesterday");

    assertThat(reading.at()).contains(Instant.parse("2025-10-29T19:14:00Z"));
    assertThat(only(reading))
        .isEqualTo(
            new Assumption.EarliestOffset(
                "Thu, Oct 30, 2025 at 9:14 AM",
                LocalDateTime.parse("2025-10-30T09:14"),
                ZoneOffset.ofHours(14)));
  }

  @Test
  void readsNothingWhenNeitherDateIsReadable() {
    assertThat(inline("gestern", "").at()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Thu, Oct 30, 2025 at 2:14\u202fPM | 2025-10-30T14:14 |",
        "Thu, Oct 30, 2025 at 12:05 AM | 2025-10-30T00:05 |",
        "Thursday, October 30, 2025 2:14 PM | 2025-10-30T14:14 |",
        "Thursday, 30 October 2025 2:14 PM | 2025-10-30T14:14 |",
        "Thu, 30 Oct 2025 at 14:14 | 2025-10-30T14:14 |",
        "Thursday, 30 October 2025 at 14:14 | 2025-10-30T14:14 |",
        "30 October 2025 14:14 | 2025-10-30T14:14 |",
        "2025年10月30日(木) 14:14 | 2025-10-30T14:14 |",
        "2025年10月30日 木曜日 14:14 | 2025-10-30T14:14 |",
        "2025年10月30日 午後 2:14 | 2025-10-30T14:14 |",
        "2025年10月30日 午前 0:05 | 2025-10-30T00:05 |",
        "Thu, 30 Oct 2025 05:14:02 +0000 | 2025-10-30T05:14:02 | Z",
        "Thu, 30 Oct 2025 14:14:02 +0900 (JST) | 2025-10-30T14:14:02 | +09:00",
      })
  void readsEachClientsForwardedDateAsWrittenWithItsZoneOnlyWhenItNamesOne(
      String printed, String local, String zone) {
    Optional<Dates.Written> written = Forwards.date(printed);

    assertThat(written).isPresent();
    assertThat(written.get().local()).isEqualTo(LocalDateTime.parse(local));
    assertThat(written.get().offset())
        .isEqualTo(zone == null ? Optional.empty() : Optional.of(ZoneOffset.of(zone)));
  }
}
