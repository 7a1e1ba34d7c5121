package dev.abusedesk.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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

  private static final Pattern GMAIL_DATE =
      Pattern.compile(
          "(?i)(?:[A-Za-z]{3,9},\\s*)?([A-Za-z]{3})[a-z]*\\.?\\s+(\\d{1,2}),\\s*(\\d{4})"
              + "(?:\\s+at)?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AP]M)?");

  private static final Pattern JAPANESE_DATE =
      Pattern.compile(
          "(\\d{4})年\\s*(\\d{1,2})月\\s*(\\d{1,2})日[^0-9]*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

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
   * The date of a forwarded header block. Mail clients print it without a zone, in the forwarder's
   * time: the offset of the forwarding mail's own {@code Date} header stands in for it.
   */
  static Optional<Instant> date(String text, ZoneOffset forwarderOffset) {
    Optional<Instant> full = Dates.parse(text);
    if (full.isPresent()) {
      return full;
    }
    Matcher g = GMAIL_DATE.matcher(text);
    if (g.find()) {
      Optional<Instant> parsed =
          Dates.parse(
              g.group(2)
                  + " "
                  + g.group(1)
                  + " "
                  + g.group(3)
                  + " 00:00:00 +0000"); // validates the month name
      if (parsed.isPresent()) {
        int hour = Integer.parseInt(g.group(4)) % 12;
        if (g.group(7) == null) {
          hour = Integer.parseInt(g.group(4));
        } else if (g.group(7).equalsIgnoreCase("PM")) {
          hour += 12;
        }
        LocalDateTime day = LocalDateTime.ofInstant(parsed.get(), ZoneOffset.UTC);
        return at(
            day.getYear(), day.getMonthValue(), day.getDayOfMonth(), hour, g, forwarderOffset);
      }
    }
    Matcher j = JAPANESE_DATE.matcher(text);
    if (j.find()) {
      return at(
          Integer.parseInt(j.group(1)),
          Integer.parseInt(j.group(2)),
          Integer.parseInt(j.group(3)),
          Integer.parseInt(j.group(4)),
          j,
          forwarderOffset);
    }
    return Optional.empty();
  }

  private static Optional<Instant> at(
      int year, int month, int day, int hour, Matcher m, ZoneOffset offset) {
    try {
      int minute = Integer.parseInt(m.group(5));
      int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
      return Optional.of(
          LocalDateTime.of(year, month, day, hour, minute, second).toInstant(offset));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
