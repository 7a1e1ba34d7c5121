package dev.abusedesk.cases;

import dev.abusedesk.report.Category;
import dev.abusedesk.report.Kind;
import dev.abusedesk.report.Provenance;
import dev.abusedesk.report.Report;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case as one account's customer may see it: only what the reports tie to that account. A case
 * can span several customers' accounts, so a resource or address counts when its report names this
 * account alone, when it is an ARN naming this account, or when AWS's text lists it under this
 * account's ID ({@code AWS ID: 111122223333 ... i-0abc [203.0.113.10]}); a report's complaint text
 * only when the report is about this account alone, since a complaint about several accounts names
 * the others' addresses too. Only what AWS is known to have said counts: a forged or unverified
 * report (a forward, a mail nobody could check) is left out entirely, so that no one can put words
 * in front of a customer by mailing the intake. The response page and the customer's mail both show
 * this view.
 *
 * @param excerpts the complaint excerpts, links defanged
 */
public record CustomerView(
    Category category,
    List<String> resources,
    List<String> ips,
    List<String> regions,
    List<String> excerpts,
    Optional<Instant> reportedAt) {

  /** The excerpts shown are cut here; the team has the full text. */
  static final int MAX_EXCERPT = 4000;

  /** An ARN's account field: {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:...}. */
  private static final Pattern ARN = Pattern.compile("arn:[^:]*:[^:]*:[^:]*:([^:]*):.*");

  /** Where AWS's text starts listing an account's resources. */
  private static final Pattern AWS_ID = Pattern.compile("AWS (?:Account )?ID:?\\s*(\\d{12})");

  private static final Pattern URL = Pattern.compile("(?i)\\bh(tt|xx)p(s?)://([^/\\s?#]+)");

  public CustomerView {
    Objects.requireNonNull(category, "category");
    resources = List.copyOf(resources);
    ips = List.copyOf(ips);
    regions = List.copyOf(regions);
    excerpts = List.copyOf(excerpts);
    Objects.requireNonNull(reportedAt, "reportedAt");
  }

  /** The view of one account's customer, from the case's reports, oldest first. */
  public static CustomerView of(Category category, String accountId, List<Report> reports) {
    Set<String> resources = new LinkedHashSet<>();
    Set<String> ips = new LinkedHashSet<>();
    Set<String> regions = new LinkedHashSet<>();
    Set<String> excerpts = new LinkedHashSet<>();
    Instant reportedAt = null;
    for (Report r : reports) {
      if (r.provenance().trust() != Provenance.Trust.VERIFIED
          || r.kind() == Kind.NOT_ABUSE
          || !r.accounts().contains(accountId)) {
        continue;
      }
      reportedAt = reportedAt == null ? r.receivedAt() : reportedAt;
      boolean alone = r.accounts().size() == 1;
      if (alone) {
        regions.addAll(r.regions());
      }
      String listed = alone ? "" : listed(r.description(), accountId);
      for (String resource : r.resources()) {
        if (ours(resource, accountId, alone) || mentions(listed, resource)) {
          resources.add(resource);
        }
      }
      for (String ip : r.ips()) {
        if (alone || mentions(listed, ip)) {
          ips.add(ip);
        }
      }
      if (alone) {
        String excerpt = r.complaint().excerpt().strip();
        if (!excerpt.isEmpty()) {
          excerpts.add(defang(cut(excerpt)));
        }
      }
    }
    return new CustomerView(
        category,
        new ArrayList<>(resources),
        new ArrayList<>(ips),
        new ArrayList<>(regions),
        new ArrayList<>(excerpts),
        Optional.ofNullable(reportedAt));
  }

  /** An ARN by the account it names; anything else only from a report about this account alone. */
  static boolean ours(String resource, String accountId, boolean alone) {
    Matcher arn = ARN.matcher(resource);
    if (arn.matches() && !arn.group(1).isEmpty()) {
      return arn.group(1).equals(accountId);
    }
    return alone;
  }

  /** The parts of AWS's text that list this account's resources, each up to the next account. */
  static String listed(String description, String accountId) {
    StringBuilder out = new StringBuilder();
    Matcher m = AWS_ID.matcher(description);
    boolean found = m.find();
    while (found) {
      boolean ours = m.group(1).equals(accountId);
      int from = m.end();
      found = m.find();
      if (ours) {
        out.append(description, from, found ? m.start() : description.length()).append('\n');
      }
    }
    return out.toString();
  }

  /** Whether {@code text} names {@code value} as a whole token, not inside a longer one. */
  static boolean mentions(String text, String value) {
    for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
      int end = at + value.length();
      if ((at == 0 || !part(text.charAt(at - 1)))
          && (end == text.length() || !part(text.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean part(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == ':' || c == '_';
  }

  /**
   * URLs in a complaint may be the phishing it reports: shown, never clickable. {@code
   * https://evil.example/x} becomes {@code hxxps://evil[.]example/x}.
   */
  static String defang(String text) {
    // Invisible format characters (bidirectional overrides) could make the excerpt read otherwise.
    Matcher m = URL.matcher(text.replaceAll("\\p{Cf}", ""));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      // Once only: a host defanged before keeps its [.] as it is.
      String host = m.group(3).replace("[.]", ".").replace(".", "[.]");
      m.appendReplacement(out, Matcher.quoteReplacement("hxxp" + m.group(2) + "://" + host));
    }
    return m.appendTail(out).toString();
  }

  private static String cut(String text) {
    return text.length() <= MAX_EXCERPT ? text : text.substring(0, MAX_EXCERPT) + "…";
  }
}
