package dev.abusedesk.app.serve;

import dev.abusedesk.report.SampleReports;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.spool.Spooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundled sample reports, moved to the present: {@code serve --demo} spools them with their
 * dates shifted so that the newcomer sees live countdowns, one overdue case, reminders due soon and
 * cases AWS already closed.
 */
final class DemoData {

  private DemoData() {}

  private static final DateTimeFormatter MAIL_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HEALTH_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final Pattern DATE_HEADER = Pattern.compile("(?m)^Date: .*$");
  private static final Pattern HEALTH_TIME =
      Pattern.compile("\"(startTime|lastUpdatedTime|endTime)\": \"[^\"]*\"");
  private static final Pattern EVENT_TIME = Pattern.compile("\"time\": \"[^\"]*\"");

  /**
   * How long before now each sample arrives: a mix of fresh, due soon, overdue, and a DoS case that
   * AWS's closing mail settles.
   */
  private static final Map<String, Duration> AGES =
      Map.ofEntries(
          Map.entry("abuse-copyright-global.json", Duration.ofMinutes(20)),
          Map.entry("abuse-dos.json", Duration.ofHours(5)),
          Map.entry("ec2-abuse-dos.eml", Duration.ofHours(5)),
          Map.entry("ec2-abuse-closed.eml", Duration.ofMinutes(30)),
          Map.entry("abuse-org-view.json", Duration.ofHours(26)),
          Map.entry("arf-attached-spam.eml", Duration.ofHours(20)),
          Map.entry("ec2-abuse-followup.eml", Duration.ofHours(2)),
          Map.entry("ec2-abuse-spam-eni.eml", Duration.ofHours(23)),
          Map.entry("not-abuse-billing.eml", Duration.ofHours(1)),
          Map.entry("risk-credentials-exposed.json", Duration.ofMinutes(45)),
          Map.entry("spoofed-dkim-fail.eml", Duration.ofHours(7)),
          Map.entry("ts-final-notification.eml", Duration.ofHours(14)),
          Map.entry("ts-port-scan.eml", Duration.ofHours(18)),
          Map.entry("ts-reminder.eml", Duration.ofHours(4)));

  /** Spools every sample with its dates moved to shortly before {@code now}. */
  static int load(FileSpool spool, Instant now) {
    List<String> names = SampleReports.names();
    int spooled = 0;
    for (String name : names) {
      Instant at = now.minus(AGES.getOrDefault(name, Duration.ofHours(3)));
      String text = new String(SampleReports.bytes(name), StandardCharsets.UTF_8);
      String shifted = name.endsWith(".json") ? shiftEvent(text, at) : shiftMail(text, at);
      if (spool.put(shifted.getBytes(StandardCharsets.UTF_8), "demo") instanceof Spooled.Accepted) {
        spooled++;
      }
    }
    return spooled;
  }

  static String shiftMail(String mail, Instant at) {
    return DATE_HEADER.matcher(mail).replaceFirst("Date: " + MAIL_DATE.format(at));
  }

  static String shiftEvent(String json, Instant at) {
    Matcher health = HEALTH_TIME.matcher(json);
    String shifted =
        health.replaceAll(m -> "\"" + m.group(1) + "\": \"" + HEALTH_DATE.format(at) + "\"");
    return EVENT_TIME.matcher(shifted).replaceAll("\"time\": \"" + at + "\"");
  }
}
