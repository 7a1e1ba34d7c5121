package dev.abusedesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A kept assumption sentence reads back into its facts, so the case page can say it in Japanese.
 */
class AssumptionTest {

  static final LocalDateTime LOCAL = LocalDateTime.parse("2025-10-30T09:14");
  static final Instant FORWARD = Instant.parse("2025-10-30T00:20:00Z");

  static final List<Assumption> EVERY_KIND =
      List.of(
          new Assumption.ForwardOffset(
              "Thu, Oct 30, 2025 at 9:14 AM", LOCAL, ZoneOffset.ofHours(9)),
          new Assumption.LatestBeforeForward(
              "2025年10月30日(木) 9:14", ZoneOffset.UTC, FORWARD, LOCAL, ZoneOffset.ofHours(9)),
          new Assumption.EarliestOffset("9:14 AM", LOCAL, ZoneOffset.ofHours(14)),
          new Assumption.ForwardDate("gestern", FORWARD),
          new Assumption.ForwardDate("", FORWARD),
          new Assumption.AfterForward(Instant.parse("2031-01-01T00:00:00Z"), FORWARD));

  @Test
  void everyKindReadsBackFromItsEnglishSentence() {
    for (Assumption assumption : EVERY_KIND) {
      assertThat(Assumption.read(assumption.english())).isEqualTo(assumption);
    }
  }

  @Test
  void saysTheReadingInUtcAndInTheOffsetItAssumed() {
    Assumption latest = EVERY_KIND.get(1);

    assertThat(latest.english())
        .isEqualTo(
            "The forwarded date \"2025年10月30日(木) 9:14\" names no zone, and in the forward's own"
                + " offset (+00:00) it falls after the forward itself (2025-10-30 00:20:00 UTC);"
                + " read it as 2025-10-30 09:14:00 +09:00 (2025-10-30 00:14:00 UTC), the latest"
                + " reading not after the forward.");
    assertThat(latest.japanese())
        .isEqualTo(
            "転送された日付「2025年10月30日(木) 9:14」にはタイムゾーンがなく、転送メール自身の時差（+00:00）で読むと"
                + "転送（2025-10-30 00:20:00 UTC）より後になるため、転送より後にならない最も遅い読み方で"
                + " 2025-10-30 09:14:00 +09:00（2025-10-30 00:14:00 UTC） と読みました。");
  }

  @Test
  void aSentenceItDoesNotKnowIsSaidAsItIsInEitherLanguage() {
    Assumption unknown = Assumption.read("Read the year 25 as 2025.");

    assertThat(unknown.english()).isEqualTo("Read the year 25 as 2025.");
    assertThat(unknown.japanese()).isEqualTo("Read the year 25 as 2025.");
  }

  @Test
  void aSentenceShapedLikeOursWithAnImpossibleTimeIsNotOurs() {
    String sentence =
        "The forwarded message gives no usable date; took the forward's own Date, 2025-02-30"
            + " 00:00:00 UTC.";

    assertThat(Assumption.read(sentence)).isEqualTo(new Assumption.Said(sentence));
  }

  @Test
  void aPrintedDateIsShownOnOneLineWithoutQuotesAndBounded() {
    Assumption hostile =
        new Assumption.ForwardDate("\"><script>\r\nalert(1)" + "x".repeat(300), FORWARD);

    assertThat(((Assumption.ForwardDate) hostile).printed())
        .doesNotContain("\"", "\r", "\n")
        .hasSizeLessThanOrEqualTo(100);
    assertThat(Assumption.read(hostile.english())).isEqualTo(hostile);
  }
}
