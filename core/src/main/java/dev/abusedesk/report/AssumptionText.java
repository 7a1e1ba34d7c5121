package dev.abusedesk.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** How the sentences of {@link Assumption} write times, and the patterns that read them back. */
final class AssumptionText {

  private AssumptionText() {}

  // Strict, so that reading a sentence back refuses 30 February rather than moving it.
  static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

  static final String OFFSET = "([+-]\\d{2}:\\d{2})";

  static final String UTC = "(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) UTC";

  static final String READING =
      "(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) "
          + OFFSET
          + " \\(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC\\)";

  /** A printed date as a sentence shows it: one line without double quotes, bounded. */
  static String shown(String printed) {
    // Also plain spaces for Gmail's narrow no-break one before "PM".
    String line = printed == null ? "" : printed.replaceAll("[\\p{Cntrl}\"\\h\\s]+", " ").strip();
    return line.length() > 100 ? line.substring(0, 100).strip() : line;
  }

  /** {@code 2025-10-30 14:14:00 +09:00 (2025-10-30 05:14:00 UTC)} */
  static String reading(LocalDateTime local, ZoneOffset offset) {
    return SECONDS.format(local) + " " + offset(offset) + " (" + utc(local.toInstant(offset)) + ")";
  }

  /** The same with Japanese parentheses. */
  static String readingJa(LocalDateTime local, ZoneOffset offset) {
    return SECONDS.format(local) + " " + offset(offset) + "（" + utc(local.toInstant(offset)) + "）";
  }

  /** {@code 2025-10-30 05:20:31 UTC} */
  static String utc(Instant instant) {
    return SECONDS.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + " UTC";
  }

  /** {@code +09:00}, and {@code +00:00} rather than {@code Z}. */
  static String offset(ZoneOffset offset) {
    return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
  }
}
