package dev.abusedesk.app;

import dev.abusedesk.config.Config;
import dev.abusedesk.config.Customers;
import dev.abusedesk.config.DurationText;
import dev.abusedesk.config.Intake;
import dev.abusedesk.config.Receiver;
import dev.abusedesk.config.Reminders;
import dev.abusedesk.config.Storage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a configuration sets up, in a few lines a person can check at a glance. Built only from
 * names, counts and descriptions: no secret, no database URL.
 */
final class ConfigSummary {

  private ConfigSummary() {}

  static List<String> lines(Path file, Config config) {
    List<String> lines = new ArrayList<>();
    lines.add(file + ": OK");
    lines.add(
        "language "
            + config.language().wire()
            + ", time zone "
            + config.timezone().getId()
            + ", reply deadline "
            + config.deadlineHours()
            + "h");
    lines.add("storage: " + storage(config.storage()));
    lines.add("accounts: " + config.accounts().size());
    lines.add("receivers: " + config.receivers().size());
    int width = config.receivers().stream().mapToInt(r -> r.name().length()).max().orElse(0);
    for (Receiver receiver : config.receivers()) {
      lines.add("  " + pad(receiver.name(), width) + "  " + receiver.kind().describe());
    }
    lines.add(
        "routes: "
            + config.routes().size()
            + " ("
            + config.routes().stream().filter(r -> r.isDefault()).count()
            + " default)");
    lines.add("reminders: " + reminders(config.reminders()));
    lines.add("intake: " + intake(config.intake()));
    lines.add(
        "dashboard: "
            + config.dashboard().users().size()
            + (config.dashboard().users().size() == 1 ? " user" : " users")
            + (config.dashboard().token().isPresent() ? ", login token" : ""));
    lines.add(
        "reply: " + config.reply().map(r -> "via " + r.host() + ":" + r.port()).orElse("off"));
    lines.add("customers: " + customers(config));
    lines.add(
        "health api: "
            + (config.healthApi().enabled()
                ? "every "
                    + DurationText.format(config.healthApi().interval())
                    + " in "
                    + config.healthApi().region()
                : "off"));
    return lines;
  }

  /** Who is told about their cases, and how long they have: or off. */
  private static String customers(Config config) {
    Customers customers = config.customers();
    if (!customers.isOn()) {
      return "off";
    }
    long contacts = config.accounts().stream().mapToLong(a -> a.contacts().size()).sum();
    long accounts = config.accounts().stream().filter(a -> !a.contacts().isEmpty()).count();
    return customers.notifyWhen().size()
        + (customers.notifyWhen().size() == 1 ? " rule, " : " rules, ")
        + contacts
        + (contacts == 1 ? " contact on " : " contacts on ")
        + accounts
        + (accounts == 1 ? " account" : " accounts")
        + "; answer "
        + customers.marginHours()
        + "h before the deadline, reminded every "
        + customers.remindEveryHours()
        + "h, links valid "
        + customers.linkDays()
        + (customers.linkDays() == 1 ? " day" : " days");
  }

  private static String storage(Storage storage) {
    String dataDir =
        storage.dataDir().map(Path::toString).orElse("data directory from the command line");
    if (storage.url().isEmpty()) {
      return "embedded SQLite in " + dataDir;
    }
    return storage.isPostgres() ? "PostgreSQL" : "SQLite (jdbc:sqlite:)";
  }

  private static String reminders(Reminders reminders) {
    String offsets =
        reminders.offsets().isEmpty()
            ? "none"
            : durations(reminders.offsets()) + " before the deadline";
    String escalation =
        reminders.escalationReceivers().isEmpty()
            ? ""
            : " to " + String.join(", ", reminders.escalationReceivers());
    return offsets
        + "; escalate "
        + DurationText.format(reminders.escalateAt())
        + " before"
        + escalation
        + "; every "
        + DurationText.format(reminders.overdueInterval())
        + " when overdue";
  }

  private static String intake(Intake intake) {
    if (intake.isOff()) {
      return "off";
    }
    List<String> parts = new ArrayList<>();
    intake
        .smtp()
        .ifPresent(
            s ->
                parts.add(
                    s.protocol().wire()
                        + " "
                        + s.listen()
                        + s.tls()
                            .map(
                                tls ->
                                    " (STARTTLS, "
                                        + tls.certificate().getSubjectX500Principal().getName()
                                        + " until "
                                        + tls.certificate()
                                            .getNotAfter()
                                            .toInstant()
                                            .toString()
                                            .substring(0, 10)
                                        + ")")
                            .orElse("")));
    intake.http().ifPresent(h -> parts.add("http " + h.listen()));
    intake.imap().ifPresent(i -> parts.add("imap " + i.host() + ":" + i.port() + "/" + i.folder()));
    return String.join(", ", parts);
  }

  private static String durations(List<Duration> durations) {
    return durations.stream().map(DurationText::format).collect(Collectors.joining(", "));
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
