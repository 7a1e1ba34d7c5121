package dev.abusedesk.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the configuration writes them: {@code 30s}, {@code 90m}, {@code 12h}, {@code 2d} and
 * combinations in that order, such as {@code 1h30m}.
 */
public final class DurationText {

  private static final Pattern FORMAT =
      Pattern.compile("(?:(\\d{1,6})d)?(?:(\\d{1,7})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?");

  private DurationText() {}

  /** The duration {@code text} names, or empty when it is not one (zero is a duration). */
  public static Optional<Duration> parse(String text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    Duration duration =
        Duration.ofDays(part(m, 1))
            .plusHours(part(m, 2))
            .plusMinutes(part(m, 3))
            .plusSeconds(part(m, 4));
    return Optional.of(duration);
  }

  /** The shortest text {@link #parse} reads back as {@code duration}: {@code 1h30m}, {@code 0s}. */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("negative duration: " + duration);
    }
    if (duration.isZero()) {
      return "0s";
    }
    long seconds = duration.getSeconds();
    StringBuilder text = new StringBuilder();
    append(text, seconds / 86_400, "d");
    append(text, seconds % 86_400 / 3_600, "h");
    append(text, seconds % 3_600 / 60, "m");
    append(text, seconds % 60, "s");
    return text.length() == 0 ? "0s" : text.toString();
  }

  private static long part(Matcher m, int group) {
    String digits = m.group(group);
    return digits == null ? 0 : Long.parseLong(digits);
  }

  private static void append(StringBuilder text, long amount, String unit) {
    if (amount > 0) {
      text.append(amount).append(unit);
    }
  }
}
