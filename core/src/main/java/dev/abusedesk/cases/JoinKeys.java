package dev.abusedesk.cases;

import dev.abusedesk.report.Report;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys that tie reports to one incident, and the keys that recognise a re-delivery. Pure: a
 * report in, strings out; the store looks them up.
 */
final class JoinKeys {

  private JoinKeys() {}

  /** Reports join a case that holds one of their keys; kinds in priority order. */
  enum Kind {
    /** An AWS case number, from either channel. */
    AWS_CASE,
    /** A mail's Message-ID: replies in the same thread name it. */
    MESSAGE,
    /** A Health event ARN with its affected account. */
    EVENT,
    /** An account with one of its resources: joins across channels within a time window. */
    RESOURCE,
    /** An account with one of its IPs: joins across channels within a time window. */
    IP,
    /** Kept for listing only. */
    ACCOUNT,
    /** Kept for listing only. */
    REGION;

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    boolean windowed() {
      return this == RESOURCE || this == IP;
    }
  }

  record Key(Kind kind, String value) {}

  private static final int MAX_PAIRS = 500;
  private static final Pattern ADDRESS = Pattern.compile("[^<>\\s\"]+@[^<>\\s\"]+");

  /** Keys under which a re-delivery of the same report is recognised. */
  static List<String> redelivery(Report report, String sha256) {
    List<String> keys = new ArrayList<>();
    keys.add("sha256:" + sha256);
    if (report.origin() instanceof Report.MailOrigin mail && !mail.messageId().isEmpty()) {
      keys.add("mail:" + mail.messageId() + "|" + address(mail.from()));
    }
    if (report.origin() instanceof Report.HealthOrigin health) {
      for (String account : accountsOrNone(report)) {
        keys.add(
            "health:"
                + health.eventArn()
                + "|"
                + account
                + "|"
                + health.lastUpdatedAt()
                + "|"
                + health.page());
      }
    }
    return keys;
  }

  /**
   * The key shared by all pages of one Health event update: pages merge into one report. Empty for
   * mail and for single-page events.
   */
  static Optional<String> pageGroup(Report report) {
    if (report.origin() instanceof Report.HealthOrigin health && health.totalPages() > 1) {
      return Optional.of(
          "pages:"
              + health.eventArn()
              + "|"
              + String.join(",", report.accounts())
              + "|"
              + health.baseCommunicationId()
              + "|"
              + health.lastUpdatedAt());
    }
    return Optional.empty();
  }

  /** Keys to look up an existing case by, highest priority first. */
  static List<Key> lookups(Report report) {
    Set<Key> keys = new LinkedHashSet<>();
    awsCases(report, keys);
    if (report.origin() instanceof Report.MailOrigin mail) {
      if (!mail.inReplyTo().isEmpty()) {
        keys.add(new Key(Kind.MESSAGE, mail.inReplyTo()));
      }
      for (String ref : mail.references()) {
        keys.add(new Key(Kind.MESSAGE, ref));
      }
    }
    events(report, keys);
    resources(report, keys);
    return List.copyOf(keys);
  }

  /** Keys a case keeps for the report: for later lookups and for listing. */
  static List<Key> kept(Report report) {
    Set<Key> keys = new LinkedHashSet<>();
    awsCases(report, keys);
    if (report.origin() instanceof Report.MailOrigin mail && !mail.messageId().isEmpty()) {
      keys.add(new Key(Kind.MESSAGE, mail.messageId()));
    }
    events(report, keys);
    resources(report, keys);
    for (String account : report.accounts()) {
      keys.add(new Key(Kind.ACCOUNT, account));
    }
    for (String region : report.regions()) {
      keys.add(new Key(Kind.REGION, region));
    }
    return List.copyOf(keys);
  }

  /** The value shown for a kept key: paired keys drop their account prefix. */
  static String shown(Kind kind, String value) {
    if (kind == Kind.RESOURCE || kind == Kind.IP || kind == Kind.EVENT) {
      int bar = kind == Kind.EVENT ? value.lastIndexOf('|') : value.indexOf('|');
      return kind == Kind.EVENT ? value.substring(0, bar) : value.substring(bar + 1);
    }
    return value;
  }

  private static void awsCases(Report report, Set<Key> keys) {
    if (report.origin() instanceof Report.MailOrigin && report.caseId() != null) {
      keys.add(new Key(Kind.AWS_CASE, report.caseId()));
    }
    for (String number : report.awsCaseNumbers()) {
      keys.add(new Key(Kind.AWS_CASE, number));
    }
  }

  private static void events(Report report, Set<Key> keys) {
    if (report.origin() instanceof Report.HealthOrigin health && !health.eventArn().isEmpty()) {
      for (String account : accountsOrNone(report)) {
        keys.add(new Key(Kind.EVENT, health.eventArn() + "|" + account));
      }
    }
  }

  private static void resources(Report report, Set<Key> keys) {
    int pairs = 0;
    for (String account : report.accounts()) {
      for (String resource : report.resources()) {
        if (pairs++ < MAX_PAIRS) {
          keys.add(new Key(Kind.RESOURCE, account + "|" + resource));
        }
      }
      for (String ip : report.ips()) {
        if (pairs++ < MAX_PAIRS) {
          keys.add(new Key(Kind.IP, account + "|" + ip));
        }
      }
    }
  }

  private static List<String> accountsOrNone(Report report) {
    return report.accounts().isEmpty() ? List.of("") : report.accounts();
  }

  private static String address(String from) {
    Matcher m = ADDRESS.matcher(from);
    return (m.find() ? m.group() : from).toLowerCase(Locale.ROOT);
  }
}
