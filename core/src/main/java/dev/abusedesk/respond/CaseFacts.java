package dev.abusedesk.respond;

import dev.abusedesk.cases.Case;
import dev.abusedesk.report.Category;
import dev.abusedesk.report.Report;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the drafts and playbooks say about one case: its IDs and what its reports name, the values
 * untrusted (they came from mail) and quoted where they are used.
 *
 * @param awsMail the latest AWS mail of the case, which a reply answers; empty for Health-only
 *     cases
 */
public record CaseFacts(
    long caseId,
    Category category,
    List<String> awsCaseIds,
    List<String> accounts,
    List<String> regions,
    List<String> resources,
    List<String> ips,
    List<String> recipientDomains,
    List<String> reportedDomains,
    List<String> sourceIps,
    List<String> actionsTaken,
    Instant openedAt,
    Optional<Instant> deadline,
    Optional<Report.MailOrigin> awsMail) {

  public CaseFacts {
    Objects.requireNonNull(category, "category");
    awsCaseIds = List.copyOf(awsCaseIds);
    accounts = List.copyOf(accounts);
    regions = List.copyOf(regions);
    resources = List.copyOf(resources);
    ips = List.copyOf(ips);
    recipientDomains = List.copyOf(recipientDomains);
    reportedDomains = List.copyOf(reportedDomains);
    sourceIps = List.copyOf(sourceIps);
    actionsTaken = List.copyOf(actionsTaken);
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(awsMail, "awsMail");
  }

  /** The facts of a case from the case and its reports, oldest report first. */
  public static CaseFacts of(Case c, List<Report> reports) {
    Optional<Report.MailOrigin> mail = Optional.empty();
    for (Report report : reports) {
      // The latest mail from AWS itself, else the latest forward of one.
      if (report.origin() instanceof Report.MailOrigin m
          && (m.fromAws() || mail.map(known -> !known.fromAws()).orElse(true))) {
        mail = Optional.of(m);
      }
    }
    return new CaseFacts(
        c.id(),
        c.category(),
        c.awsCaseIds(),
        c.accounts(),
        c.regions(),
        c.resources(),
        c.ips(),
        union(reports, r -> r.complaint().recipientDomains()),
        union(reports, r -> r.complaint().reportedDomains()),
        union(reports, r -> r.complaint().sourceIps()),
        union(reports, Report::actionsTaken),
        c.openedAt(),
        Optional.ofNullable(c.deadline()),
        mail);
  }

  private static List<String> union(List<Report> reports, Function<Report, List<String>> field) {
    Set<String> all = new LinkedHashSet<>();
    reports.forEach(r -> all.addAll(field.apply(r)));
    return List.copyOf(all);
  }

  /** The AWS case number to quote, else the Health event, else empty. */
  public String awsCase() {
    return awsCaseIds.isEmpty() ? "" : awsCaseIds.get(0);
  }

  List<String> instances() {
    return matching(resources, Shell.INSTANCE);
  }

  List<String> securityGroups() {
    return matching(resources, Shell.SECURITY_GROUP);
  }

  List<String> accessKeys() {
    return matching(resources, Shell.ACCESS_KEY);
  }

  List<String> domainsToStop() {
    return matching(lower(recipientDomains), Shell.DOMAIN);
  }

  List<String> domainsReported() {
    return matching(lower(reportedDomains), Shell.DOMAIN);
  }

  /** S3 bucket names from the {@code arn:aws:s3:::bucket} resources. */
  List<String> buckets() {
    List<String> names = new ArrayList<>();
    for (String resource : resources) {
      if (resource.startsWith("arn:aws:s3:::")) {
        String name = resource.substring("arn:aws:s3:::".length()).split("/", 2)[0];
        if (Shell.BUCKET.matcher(name).matches()) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** The one region the commands run in, quoted, or a placeholder when there is not exactly one. */
  String region() {
    List<String> real = matching(regions, Shell.REGION);
    return real.size() == 1 ? Shell.quote(real.get(0)) : Shell.placeholder("AWS_REGION");
  }

  private static List<String> lower(List<String> values) {
    return values.stream().map(v -> v.toLowerCase(java.util.Locale.ROOT)).toList();
  }

  private static List<String> matching(List<String> values, Pattern shape) {
    return values.stream().filter(v -> shape.matcher(v).matches()).distinct().toList();
  }
}
