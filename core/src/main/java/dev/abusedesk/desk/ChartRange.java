package dev.abusedesk.desk;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How far back the charts look, as {@code ?range=} names it, and the bars that span it: weeks for
 * the short ranges, months for a year, months or years for everything.
 */
enum ChartRange {
  WEEKS_12("12w", Words.RANGE_12_WEEKS),
  MONTHS_6("6m", Words.RANGE_6_MONTHS),
  MONTHS_12("12m", Words.RANGE_12_MONTHS),
  ALL("all", Words.RANGE_ALL);

  static final ChartRange DEFAULT = WEEKS_12;

  /** Beyond this many months, "all" counts by year: bars stay wide enough to read. */
  static final int MOST_MONTHS = 36;

  /** What one bar counts. */
  enum Unit {
    WEEK,
    MONTH,
    YEAR
  }

  /** The bars: each starts on its day and ends where the next starts. */
  record Buckets(Unit unit, List<LocalDate> starts) {
    Buckets {
      starts = List.copyOf(starts);
    }

    /** The start of the bar that holds {@code day}, when one does. */
    Optional<LocalDate> of(LocalDate day) {
      LocalDate start = start(unit, day);
      return starts.contains(start) ? Optional.of(start) : Optional.empty();
    }

    LocalDate first() {
      return starts.get(0);
    }

    String label(LocalDate start) {
      return switch (unit) {
        case WEEK -> start.getMonthValue() + "/" + start.getDayOfMonth();
        case MONTH ->
            String.format(java.util.Locale.ROOT, "%d-%02d", start.getYear(), start.getMonthValue());
        case YEAR -> Integer.toString(start.getYear());
      };
    }
  }

  private final String wire;
  private final Words words;

  ChartRange(String wire, Words words) {
    this.wire = wire;
    this.words = words;
  }

  String wire() {
    return wire;
  }

  Words words() {
    return words;
  }

  /** The range a query names; empty for anything that is not exactly one of the names. */
  static Optional<ChartRange> parse(String wire) {
    return Arrays.stream(values()).filter(r -> r.wire.equals(wire)).findFirst();
  }

  /**
   * The bars up to the one holding {@code today}.
   *
   * @param earliest the day of the earliest case, for {@link #ALL}
   */
  Buckets buckets(LocalDate today, Optional<LocalDate> earliest) {
    return switch (this) {
      case WEEKS_12 -> back(Unit.WEEK, today, 12);
      case MONTHS_6 -> back(Unit.WEEK, today, 26);
      case MONTHS_12 -> back(Unit.MONTH, today, 12);
      case ALL -> {
        LocalDate from = earliest.filter(e -> e.isBefore(today)).orElse(today);
        long months =
            ChronoUnit.MONTHS.between(start(Unit.MONTH, from), start(Unit.MONTH, today)) + 1;
        yield months <= MOST_MONTHS
            ? back(Unit.MONTH, today, (int) months)
            : back(Unit.YEAR, today, today.getYear() - from.getYear() + 1);
      }
    };
  }

  private static Buckets back(Unit unit, LocalDate today, int count) {
    LocalDate last = start(unit, today);
    List<LocalDate> starts = new ArrayList<>(count);
    for (int i = count - 1; i >= 0; i--) {
      starts.add(
          switch (unit) {
            case WEEK -> last.minusWeeks(i);
            case MONTH -> last.minusMonths(i);
            case YEAR -> last.minusYears(i);
          });
    }
    return new Buckets(unit, starts);
  }

  static LocalDate start(Unit unit, LocalDate day) {
    return switch (unit) {
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
      case YEAR -> day.withDayOfYear(1);
    };
  }
}
