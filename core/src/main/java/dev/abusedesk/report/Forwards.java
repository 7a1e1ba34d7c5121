package dev.abusedesk.report;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an AWS notice that a colleague forwarded inline ("---------- Forwarded message ---------"),
 * and reads the quoted header block that names the original sender, date and subject.
 */
final class Forwards {

  private Forwards() {}

  private static final Pattern MARKER =
      Pattern.compile(
          "(?im)^[>\\s]*(?:-{2,}\\s*(?:Forwarded message|Forwarded Message|Original Message"
              + "|転送(?:された)?メッセージ|元のメッセージ)\\s*-{2,}|Begin forwarded message:)\\s*$");

  // Gmail and Outlook (US): "Thu, Oct 30, 2025 at 2:14 PM", "Thursday, October 30, 2025 2:14 PM".
  private static final Pattern MONTH_FIRST =
      Pattern.compile(
          "(?i)(?:[A-Za-z]{3,9},\\s*)?([A-Za-z]{3})[a-z]*\\.?\\s+(\\d{1,2}),\\s*(\\d{4})"
              + "(?:\\s+at)?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(?:([AP])\\.?M\\b)?");

  // Outlook outside the US with a 12-hour clock: "Thursday, 30 October 2025 2:14 PM".
  private static final Pattern DAY_FIRST =
      Pattern.compile(
          "(?i)(?:[A-Za-z]{3,9},?\\s*)?(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\.?,?\\s+(\\d{4})"
              + "(?:\\s+at)?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AP])\\.?M\\b");

  private static final Pattern AM_PM = Pattern.compile("(?i)\\d\\s*[AP]\\.?M\\b");

  // Gmail in English outside the US, new Outlook: "Thu, 30 Oct 2025 at 14:14".
  private static final Pattern AT = Pattern.compile("(?<=\\d{4}) at (?=\\d)");

  // Gmail "2025年10月30日(木) 14:14", Outlook "2025年10月30日 木曜日 14:14", "午後 2:14".
  private static final Pattern JAPANESE_DATE =
      Pattern.compile(
          "(\\d{4})年\\s*(\\d{1,2})月\\s*(\\d{1,2})日([^0-9]*)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

  // Gmail has put a narrow no-break space before "PM" since 2023; Outlook may put a no-break one.
  private static final Pattern SPACES = Pattern.compile("[\\h\\s]+");

  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("from", "from"),
          Map.entry("差出人", "from"),
          Map.entry("送信者", "from"),
          Map.entry("date", "date"),
          Map.entry("sent", "date"),
          Map.entry("日付", "date"),
          Map.entry("送信日時", "date"),
          Map.entry("subject", "subject"),
          Map.entry("件名", "subject"),
          Map.entry("to", "to"),
          Map.entry("宛先", "to"),
          Map.entry("cc", "cc"));

  /** An inline-forwarded mail: the quoted headers and the forwarded body. */
  record Forwarded(String from, String subject, String date, String body) {}

  /**
   * The forwarded mail inside {@code text}, when the text starts with a forward marker before any
   * AWS wording of its own.
   */
  static Optional<Forwarded> find(String text) {
    if (!mayHoldMarker(text)) {
      return Optional.empty();
    }
    Matcher marker = MARKER.matcher(text);
    if (!marker.find()) {
      return Optional.empty();
    }
    String before = text.substring(0, marker.start());
    if (before.contains("AWS ID") || before.contains("AWS Account ID")) {
      return Optional.empty();
    }
    String rest = text.substring(marker.end());
    if (isQuoted(rest)) {
      rest = rest.replaceAll("(?m)^> ?", "");
    }
    String[] lines = rest.split("\n", -1);
    String from = "";
    String subject = "";
    String date = "";
    int i = 0;
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    for (; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        break;
      }
      int colon = indexOfColon(line);
      if (colon <= 0) {
        break;
      }
      String label = LABELS.get(line.substring(0, colon).strip().toLowerCase(Locale.ROOT));
      if (label == null) {
        break;
      }
      String value = line.substring(colon + 1).strip();
      switch (label) {
        case "from" -> from = value;
        case "subject" -> subject = value;
        case "date" -> date = value;
        default -> {}
      }
    }
    StringBuilder body = new StringBuilder();
    for (int j = i; j < lines.length; j++) {
      body.append(lines[j]).append('\n');
    }
    return Optional.of(new Forwarded(from, subject, date, body.toString()));
  }

  /** Every marker names a forwarded or original message, in English or Japanese. */
  private static boolean mayHoldMarker(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("forwarded message")
        || lower.contains("original message")
        || text.contains("転送")
        || text.contains("元のメッセージ");
  }

  private static int indexOfColon(String line) {
    int ascii = line.indexOf(':');
    int wide = line.indexOf('：');
    if (ascii < 0) {
      return wide;
    }
    return wide < 0 ? ascii : Math.min(ascii, wide);
  }

  private static boolean isQuoted(String text) {
    int quoted = 0;
    int nonBlank = 0;
    for (String line : text.split("\n", 50)) {
      if (!line.isBlank()) {
        nonBlank++;
        if (line.startsWith(">")) {
          quoted++;
        }
      }
    }
    return nonBlank > 0 && quoted * 2 > nonBlank;
  }

  /**
   * The date of a forwarded header block, as written. Thunderbird copies the original's Date
   * header, zone and all; Gmail and Outlook print the wall-clock time in the forwarder's zone and
   * name none: {@link ForwardedDate} decides which instant that is. A 12-hour time without AM or PM
   * reads as the earlier of its two readings.
   */
  static Optional<Dates.Written> date(String text) {
    String value = SPACES.matcher(text).replaceAll(" ").strip();
    if (value.isEmpty() || value.length() > 200) {
      return Optional.empty();
    }
    boolean twelveHour = AM_PM.matcher(value).find();
    if (!twelveHour) {
      // "PM" after an RFC 5322 time would read as a zone; only a 24-hour time goes this way.
      Optional<Dates.Written> rfc = Dates.written(AT.matcher(value).replaceFirst(" "));
      if (rfc.isPresent()) {
        return rfc;
      }
    }
    Matcher m = MONTH_FIRST.matcher(value);
    if (m.find()) {
      return at(m.group(3), m.group(1), m.group(2), m, m.group(7));
    }
    Matcher d = DAY_FIRST.matcher(value);
    if (d.find()) {
      return at(d.group(3), d.group(2), d.group(1), d, d.group(7));
    }
    Matcher j = JAPANESE_DATE.matcher(value);
    if (j.find()) {
      String half = j.group(4).contains("午後") ? "P" : j.group(4).contains("午前") ? "A" : null;
      return local(
          Integer.parseInt(j.group(1)),
          Integer.parseInt(j.group(2)),
          Integer.parseInt(j.group(3)),
          hour(Integer.parseInt(j.group(5)), half),
          Integer.parseInt(j.group(6)),
          j.group(7));
    }
    return Optional.empty();
  }

  /** A date with a month name; groups 4 to 6 of {@code m} are the hour, minute and second. */
  private static Optional<Dates.Written> at(
      String year, String monthName, String day, Matcher m, String half) {
    // Dates validates the month name and the day; the time of day is added after.
    Optional<Dates.Written> date =
        Dates.written(day + " " + monthName + " " + year + " 00:00:00 +0000");
    if (date.isEmpty()) {
      return Optional.empty();
    }
    LocalDateTime d = date.get().local();
    return local(
        d.getYear(),
        d.getMonthValue(),
        d.getDayOfMonth(),
        hour(Integer.parseInt(m.group(4)), half),
        Integer.parseInt(m.group(5)),
        m.group(6));
  }

  /** The hour on a 24-hour clock; {@code half} is "A", "P" or null for a 24-hour time. */
  private static int hour(int hour, String half) {
    if (half == null || hour > 12) {
      return hour;
    }
    return hour % 12 + (half.equalsIgnoreCase("P") ? 12 : 0);
  }

  private static Optional<Dates.Written> local(
      int year, int month, int day, int hour, int minute, String second) {
    try {
      return Optional.of(
          new Dates.Written(
              LocalDateTime.of(
                  year, month, day, hour, minute, second == null ? 0 : Integer.parseInt(second)),
              Optional.empty()));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
