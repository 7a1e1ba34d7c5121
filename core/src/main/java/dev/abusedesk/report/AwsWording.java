package dev.abusedesk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the AWS-written text of a report mail: both families (the {@code ec2-abuse@amazon.com}
 * notice and the Trust &amp; Safety template) and their follow-ups, reminders, final notices and
 * closing mails. Pure text in, values out.
 */
final class AwsWording {

  private AwsWording() {}

  private static final Pattern ACCOUNT =
      Pattern.compile(
          "(?i)(?:AWS\\s+(?:Account\\s+)?ID|Account\\s+ID|AWS\\s+Account(?:\\s+Number)?)\\s*[:#]?\\s*"
              + "(\\d{4}-?\\d{4}-?\\d{4})(?!\\d)");

  private static final Pattern REGION_LABEL =
      Pattern.compile("(?i)\\bRegion(?:\\(s\\)|s)?\\s*:\\s*([a-z0-9, \\t-]{2,200})");

  private static final Pattern REGION_IN_PROSE =
      Pattern.compile("\\bin\\s+([a-z]{2}(?:-gov)?-[a-z]+-\\d{1,2})\\s+region\\b");

  // What follows a resource ID on a resource line: its address, "[203.0.113.45]" or
  // "(2001:db8::5)".
  private static final Pattern BRACKETED_IP =
      Pattern.compile("\\s*[\\[(]\\s*([0-9A-Fa-f:.]{2,45})\\s*[\\])]");

  private static final Pattern LABELLED_IP =
      Pattern.compile(
          "(?<!Remote |Destination |Target |Victim |Source )"
              + "\\b(?:Public |Elastic |Private )?IP(?:v[46])?(?: Address)?\\s*:\\s*([0-9A-Fa-f:.]{2,45})");

  private static final Pattern RESOURCE_LINE =
      Pattern.compile("(?i)AWS\\s+(?:Account\\s+)?ID|Resource\\s*:|Instance\\s+Id|Interface\\s+Id");

  private static final Pattern SUBJECT_CASE_ID =
      Pattern.compile(
          "(?i)\\[\\s*Case\\s*(?:ID|#|Number)?\\s*:?\\s*(\\d{5,14}(?:-\\d{1,3})?)\\s*]");

  private static final Pattern SUBJECT_BRACKET_NUMBER = Pattern.compile("\\[(\\d{6,14})]");

  private static final Pattern TEXT_CASE_ID =
      Pattern.compile(
          "(?i)\\bCase\\s*(?:ID|Number|No\\.?|#)\\s*[:#]?\\s*(\\d{5,14}(?:-\\d{1,3})?)\\b");

  private static final Pattern WITHIN_HOURS =
      Pattern.compile("(?i)\\bwithin\\s+(?:the\\s+next\\s+)?(\\d{1,3})\\s*(?:hours?|hrs?|h)\\b");

  private static final Pattern WITHIN_HOURS_JA = Pattern.compile("(\\d{1,3})\\s*時間以内");

  private static final Pattern REPORTED_ACTIVITY =
      Pattern.compile("(?im)^\\s*Reported\\s+Activity\\s*:\\s*(.{1,200})$");

  private static final Pattern ACTIVITY_PHRASE =
      Pattern.compile(
          "(?is)(?:resembles|implicated in|abuse report(?:\\(s\\))? (?:for|of|regarding)"
              + "|reports? of|report(?:\\(s\\))? that .{0,80}? (?:is|are|has been|have been))"
              + "\\s+(.{1,160}?)(?:[.;]\\s|\\.$|\\n\\s*\\n|$)");

  private static final Pattern ACTIONS_INTRO =
      Pattern.compile(
          "(?i)(?:we have|we've) taken the following (?:steps|actions?)|action taken|actions taken");

  private static final Pattern RUN_OF_SPACES = Pattern.compile("\\s{2,}");

  private static final Pattern REGION_SEPARATOR = Pattern.compile("[,\\s]+");

  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•]|\\d+[.)])\\s+(.{3,300})$");

  private static final Pattern TABLE_ACTION =
      Pattern.compile(
          "(?i)\\b((?:Outgoing|Outbound|Inbound|Incoming)?\\s*(?:Port\\s+\\d+\\s+)?"
              + "(?:Blocked|Stopped|Terminated|Suspended|Restricted|Disabled).{0,200})$");

  /** What the AWS-written text says, before it is put together into a report. */
  record Findings(
      List<String> accounts,
      List<String> regions,
      List<String> resources,
      List<String> ips,
      String caseId,
      List<String> caseNumbers,
      Kind kind,
      Optional<Category> category,
      OptionalInt deadlineHours,
      List<String> actionsTaken) {}

  static Findings read(String awsText, String subject) {
    String text = awsText == null ? "" : awsText;
    String subj = subject == null ? "" : subject;
    // Each pattern runs only where the words it needs are present: a regex scan costs about the
    // same on text without a match, and most patterns find nothing in most mails.
    String lower = KeywordScan.lower(text);
    TreeSet<String> accounts = new TreeSet<>();
    Matcher inSubject = ACCOUNT.matcher(subj);
    while (inSubject.find()) {
      accounts.add(inSubject.group(1).replace("-", ""));
    }
    for (MatchResult m : KeywordScan.matches(ACCOUNT, text, lower, 1000, "aws", "account")) {
      accounts.add(m.group(1).replace("-", ""));
    }
    TreeSet<String> resources = new TreeSet<>();
    TreeSet<String> ips = new TreeSet<>();
    resourcesAndAddresses(text, resources, ips);
    if (text.contains("IP")) {
      labelledAddresses(text, ips);
    }
    List<String> caseNumbers = caseNumbers(subj, text, lower);
    return new Findings(
        List.copyOf(accounts),
        regions(text, lower),
        List.copyOf(resources),
        List.copyOf(ips),
        caseId(subj, text, lower),
        caseNumbers,
        KindWording.kind(subj, lower),
        category(subj, text, lower),
        deadlineHours(text, lower),
        actionsTaken(text, lower));
  }

  private static List<String> regions(String text, String lower) {
    TreeSet<String> regions = new TreeSet<>();
    if (!lower.contains("region")) {
      return List.of();
    }
    for (MatchResult m : KeywordScan.matches(REGION_LABEL, text, lower, 1000, "region")) {
      for (String token : REGION_SEPARATOR.split(m.group(1))) {
        String candidate = token.strip().toLowerCase(Locale.ROOT);
        if (Identifiers.isRegion(candidate)) {
          regions.add(candidate);
        }
      }
    }
    if (text.contains("region")) {
      Matcher prose = REGION_IN_PROSE.matcher(text);
      while (prose.find()) {
        if (Identifiers.isRegion(prose.group(1))) {
          regions.add(prose.group(1));
        }
      }
    }
    return List.copyOf(regions);
  }

  static List<String> resources(String text) {
    TreeSet<String> resources = new TreeSet<>();
    resourcesAndAddresses(text, resources, new TreeSet<>());
    return List.copyOf(resources);
  }

  /** The resource IDs in the text, and the addresses written right after them. */
  private static void resourcesAndAddresses(
      String text, TreeSet<String> resources, TreeSet<String> ips) {
    Matcher address = BRACKETED_IP.matcher(text);
    Identifiers.findResources(
        text,
        (id, end) -> {
          Identifiers.resource(id).ifPresent(resources::add);
          address.region(end, Math.min(text.length(), end + 64));
          if (address.lookingAt() && ips.size() < 500 && Identifiers.isIp(address.group(1))) {
            ips.add(Identifiers.ip(address.group(1)));
          }
          return resources.size() < 500;
        });
  }

  /** "Public IP: 203.0.113.5" on a resource line. */
  private static void labelledAddresses(String text, TreeSet<String> ips) {
    for (String line : text.split("\n")) {
      if (!line.contains("IP") || !RESOURCE_LINE.matcher(line).find()) {
        continue;
      }
      Matcher labelled = LABELLED_IP.matcher(line);
      while (labelled.find()) {
        String ip = Identifiers.trimTrailingPunctuation(labelled.group(1));
        if (Identifiers.isIp(ip)) {
          ips.add(Identifiers.ip(ip));
        }
      }
    }
  }

  private static String caseId(String subject, String text, String lower) {
    Matcher m = SUBJECT_CASE_ID.matcher(subject);
    if (m.find()) {
      return m.group(1);
    }
    m = SUBJECT_BRACKET_NUMBER.matcher(subject);
    if (m.find()) {
      return m.group(1);
    }
    List<MatchResult> inText = KeywordScan.matches(TEXT_CASE_ID, text, lower, 1, "case");
    return inText.isEmpty() ? null : inText.get(0).group(1);
  }

  static List<String> caseNumbers(String subject, String text) {
    return caseNumbers(subject, text, KeywordScan.lower(text));
  }

  private static List<String> caseNumbers(String subject, String text, String lower) {
    TreeSet<String> numbers = new TreeSet<>();
    for (Pattern p : List.of(SUBJECT_CASE_ID, SUBJECT_BRACKET_NUMBER)) {
      Matcher m = p.matcher(subject);
      while (m.find()) {
        numbers.add(m.group(1));
      }
    }
    for (MatchResult m : KeywordScan.matches(TEXT_CASE_ID, text, lower, 20, "case")) {
      numbers.add(m.group(1));
    }
    return List.copyOf(numbers);
  }

  private static Optional<Category> category(String subject, String text, String lower) {
    Matcher activity = REPORTED_ACTIVITY.matcher(text);
    if (lower.contains("reported") && activity.find()) {
      Optional<Category> named = Classifier.fromText(activity.group(1));
      if (named.isPresent()) {
        return named;
      }
    }
    for (MatchResult phrase :
        KeywordScan.inTextOrder(
            ACTIVITY_PHRASE, text, lower, 50, "resembles", "implicated in", "abuse", "report")) {
      Optional<Category> named = Classifier.fromText(phrase.group(1));
      if (named.isPresent()) {
        return named;
      }
    }
    return Classifier.fromText(text).or(() -> Classifier.fromText(subject));
  }

  private static OptionalInt deadlineHours(String text, String lower) {
    int best = Integer.MAX_VALUE;
    for (Pattern p : List.of(WITHIN_HOURS, WITHIN_HOURS_JA)) {
      if (p == WITHIN_HOURS ? !lower.contains("within") : !text.contains("時間以内")) {
        continue;
      }
      Matcher m = p.matcher(text);
      while (m.find()) {
        int hours = Integer.parseInt(m.group(1));
        if (hours > 0 && hours <= 720) {
          best = Math.min(best, hours);
        }
      }
    }
    return best == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(best);
  }

  private static List<String> actionsTaken(String text, String lower) {
    List<String> actions = new ArrayList<>();
    int nextTaken = lower.indexOf("taken");
    boolean afterIntro = false;
    for (int start = 0; start <= text.length() && actions.size() < 20; ) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline;
      String line = text.substring(start, end);
      boolean takenOnLine = nextTaken >= start && nextTaken < end;
      if (nextTaken >= 0 && nextTaken < end) {
        nextTaken = lower.indexOf("taken", end);
      }
      start = end + 1;
      if (takenOnLine && ACTIONS_INTRO.matcher(line).find()) {
        afterIntro = true;
        continue;
      }
      String stripped = line.strip();
      if (!stripped.isEmpty()
          && Identifiers.mayStartResource(stripped.charAt(0))
          && Identifiers.RESOURCE.matcher(stripped).lookingAt()
          && TABLE_ACTION.matcher(line).find()) {
        actions.add(RUN_OF_SPACES.matcher(stripped).replaceAll("  "));
        continue;
      }
      if (afterIntro) {
        Matcher bullet = BULLET.matcher(line);
        if (bullet.matches()) {
          actions.add(bullet.group(1).strip());
        } else if (line.isBlank() && !actions.isEmpty()) {
          afterIntro = false;
        }
      }
    }
    return List.copyOf(actions);
  }
}
