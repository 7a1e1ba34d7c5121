package dev.abusedesk.report;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lenient parsing of the dates found in mail headers and Health events. */
final class Dates {

  private Dates() {}

  // RFC 5322 with the obsolete forms real mail still carries: optional weekday, 2-digit years,
  // missing seconds, named zones, trailing comments such as "(UTC)".
  private static final Pattern RFC5322 =
      Pattern.compile(
          "(?:[A-Za-z]{3,9},?\\s*)?(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\.?\\s+(\\d{2,4})\\s+"
              + "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*([+-]\\d{4}|[A-Za-z]{1,5})?.*",
          Pattern.DOTALL);

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  private static final Map<String, Integer> ZONES =
      Map.ofEntries(
          Map.entry("UT", 0),
          Map.entry("UTC", 0),
          Map.entry("GMT", 0),
          Map.entry("Z", 0),
          Map.entry("EST", -500),
          Map.entry("EDT", -400),
          Map.entry("CST", -600),
          Map.entry("CDT", -500),
          Map.entry("MST", -700),
          Map.entry("MDT", -600),
          Map.entry("PST", -800),
          Map.entry("PDT", -700),
          Map.entry("JST", 900));

  /**
   * A date as written: the wall-clock time, and the UTC offset when the text names one ({@code
   * +0900}, {@code JST}, {@code Z}). Without one the time is ambiguous by up to 26 hours.
   */
  record Written(LocalDateTime local, Optional<ZoneOffset> offset) {
    Written {
      Objects.requireNonNull(local, "local");
      Objects.requireNonNull(offset, "offset");
    }

    /** The instant this wall-clock time is in the given offset. */
    Instant in(ZoneOffset zone) {
      return local.toInstant(zone);
    }
  }

  /** A mail {@code Date} header or a Health RFC 1123 time; also accepts ISO-8601. */
  static Optional<Instant> parse(String text) {
    // A date without a zone reads as UTC here: mail Date headers and Health times name one; the
    // forwarded dates that do not are read by ForwardedDate, from written().
    return written(text).map(w -> w.in(w.offset().orElse(ZoneOffset.UTC)));
  }

  /** What {@link #parse} reads, before a missing zone is taken as UTC. */
  static Optional<Written> written(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value = text.strip();
    if (value.isEmpty() || value.length() > 200) {
      return Optional.empty();
    }
    Matcher m = RFC5322.matcher(value);
    if (m.matches()) {
      return rfc5322(m);
    }
    return iso(value);
  }

  private static int offsetSeconds(String zone) {
    int hhmm;
    if (zone.charAt(0) == '+' || zone.charAt(0) == '-') {
      hhmm = Integer.parseInt(zone.substring(1));
      if (zone.charAt(0) == '-') {
        hhmm = -hhmm;
      }
    } else {
      hhmm = ZONES.getOrDefault(zone.toUpperCase(Locale.ROOT), 0);
    }
    return (hhmm / 100) * 3600 + (hhmm % 100) * 60;
  }

  private static Optional<Written> rfc5322(Matcher m) {
    Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
    if (month == null) {
      return Optional.empty();
    }
    int year = Integer.parseInt(m.group(3));
    if (m.group(3).length() == 2) {
      year += year < 50 ? 2000 : 1900;
    } else if (m.group(3).length() == 3) {
      year += 1900;
    }
    String zone = m.group(7);
    try {
      LocalDateTime local =
          LocalDateTime.of(
              year,
              month,
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      Optional<ZoneOffset> offset =
          zone == null
              ? Optional.empty()
              : Optional.of(ZoneOffset.ofTotalSeconds(offsetSeconds(zone)));
      return Optional.of(new Written(local, offset));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Written> iso(String value) {
    try {
      OffsetDateTime t = OffsetDateTime.parse(value);
      return Optional.of(new Written(t.toLocalDateTime(), Optional.of(t.getOffset())));
    } catch (DateTimeParseException e) {
      try {
        Instant t = Instant.parse(value);
        return Optional.of(
            new Written(LocalDateTime.ofInstant(t, ZoneOffset.UTC), Optional.of(ZoneOffset.UTC)));
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
  }
}
