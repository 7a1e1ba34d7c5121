package dev.abusedesk.app.serve;

import dev.abusedesk.report.SampleReports;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.spool.PrivateFiles;
import dev.abusedesk.spool.Spooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundled sample reports, moved to the present: {@code serve --demo} spools them with their
 * dates shifted so that the newcomer sees live countdowns, one overdue case, reminders due soon and
 * cases AWS already closed. Each sample is loaded once into a data directory: {@value #MARKER}
 * there lists those spooled, so a restart loads nothing again (shifted anew, each would be a new
 * report joining its case, and every alert would go out a second time as "Update from AWS").
 */
final class DemoData {

  private DemoData() {}

  private static final System.Logger LOG = System.getLogger(DemoData.class.getName());

  /** The samples already spooled into this data directory, one name a line. */
  static final String MARKER = "demo-loaded";

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

  /**
   * Spools every sample not loaded into this data directory before, with its dates moved to shortly
   * before {@code now}; returns how many.
   */
  static int load(FileSpool spool, Instant now) {
    Path marker = spool.dataDirectory().resolve(MARKER);
    Set<String> loaded = new LinkedHashSet<>(loaded(marker));
    int spooled = 0;
    for (String name : SampleReports.names()) {
      if (loaded.contains(name)) {
        continue;
      }
      Instant at = now.minus(AGES.getOrDefault(name, Duration.ofHours(3)));
      String text = new String(SampleReports.bytes(name), StandardCharsets.UTF_8);
      String shifted = name.endsWith(".json") ? shiftEvent(text, at) : shiftMail(text, at);
      if (spool.put(shifted.getBytes(StandardCharsets.UTF_8), "demo") instanceof Spooled.Accepted) {
        spooled++;
        loaded.add(name);
        keep(marker, loaded);
      }
    }
    if (spooled == 0 && !loaded.isEmpty()) {
      LOG.log(
          System.Logger.Level.INFO,
          "demo: the samples were loaded into {0} before; delete {1} to load them again",
          spool.dataDirectory(),
          marker);
    }
    return spooled;
  }

  private static List<String> loaded(Path marker) {
    try {
      return Files.readAllLines(marker, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty())
          .toList();
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "demo: cannot read " + marker + ": " + e);
      return List.of();
    }
  }

  private static void keep(Path marker, Set<String> loaded) {
    try {
      PrivateFiles.write(
          marker, (String.join("\n", loaded) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The samples are spooled all the same; a restart would load them again.
      LOG.log(System.Logger.Level.WARNING, "demo: cannot write " + marker + ": " + e);
    }
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
