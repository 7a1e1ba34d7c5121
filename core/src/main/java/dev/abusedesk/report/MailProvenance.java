package dev.abusedesk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a mail is what AWS sent, from the {@code Authentication-Results} headers of the
 * operator's own mail servers. Anyone can write such a header into a mail before sending it, so
 * only those whose authserv-id is configured as trusted count; the rest are ignored.
 *
 * <ul>
 *   <li>verified: a trusted server saw a DKIM pass for an AWS domain, and the mail is from an AWS
 *       address;
 *   <li>forged: the mail is from an AWS address and a trusted server saw DKIM fail (or no
 *       signature: {@code dkim=none}) or DMARC fail for it;
 *   <li>unverified: everything else, a forwarded copy included (the colleague's mail can be
 *       checked, what AWS wrote inside it cannot).
 * </ul>
 */
final class MailProvenance {

  private MailProvenance() {}

  private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");
  private static final Pattern METHOD_RESULT =
      Pattern.compile("(?i)^\\s*([a-z0-9_-]+)\\s*=\\s*([a-z]+)\\b(.*)$");
  private static final Pattern PROPERTY =
      Pattern.compile("(?i)\\b(header\\.(?:d|i|from))\\s*=\\s*\"?@?(?:[^@\\s;\"]*@)?([a-z0-9.-]+)");
  private static final Pattern ADDRESS = Pattern.compile("[^<>\\s\"@,;]+@([^<>\\s\"@,;]+)");
  private static final Pattern AWS_DOMAIN =
      Pattern.compile("(?:^|.*\\.)(?:amazon\\.com|aws\\.com|amazonaws\\.com)\\.?");

  /** One method's result in a header: {@code dkim=pass header.d=amazon.com}. */
  record Result(String method, String result, List<String> domains) {
    String describe() {
      String property = method.equals("dmarc") ? " header.from=" : " header.d=";
      return method + "=" + result + (domains.isEmpty() ? "" : property + domains.get(0));
    }
  }

  /** One header: who added it, and what it found. */
  record Header(String authservId, List<Result> results) {}

  /**
   * @param results the mail's Authentication-Results values, topmost first
   * @param from the From header of the mail the report was read from (the AWS mail, or for a
   *     forwarded copy what its quoted header block names)
   * @param forwardedBy the From of the mail as received, when it is a forwarded copy
   * @param trusted the authserv-ids of the operator's own servers
   */
  static Provenance of(
      List<String> results, String from, Optional<String> forwardedBy, List<String> trusted) {
    Optional<Header> header = trustedHeader(results, trusted);
    if (forwardedBy.isPresent()) {
      String by = address(forwardedBy.get()).orElse("someone");
      String check =
          header
              .map(
                  h -> "; the forward itself: " + dkimSummary(h) + ", checked by " + h.authservId())
              .orElse("");
      return Provenance.unverified(
          "forwarded copy (forwarded by " + by + "): what AWS wrote cannot be checked" + check);
    }
    if (header.isEmpty()) {
      return Provenance.unverified(
          trusted.isEmpty()
              ? "no trusted mail server's check (intake.trusted_authserv_ids is not set)"
              : "no Authentication-Results from " + String.join(", ", trusted));
    }
    Header h = header.get();
    Optional<String> fromDomain = address(from).map(MailProvenance::domain);
    boolean fromAws = fromDomain.map(d -> AWS_DOMAIN.matcher(d).matches()).orElse(false);
    if (!fromAws) {
      return Provenance.unverified(
          "not from an AWS address (" + fromDomain.orElse("no sender") + ")");
    }
    String by = ", checked by " + h.authservId();
    for (Result r : h.results()) {
      if (r.method().equals("dkim") && r.result().equals("pass") && anyAws(r.domains())) {
        return new Provenance(Provenance.Trust.VERIFIED, r.describe() + by);
      }
    }
    for (Result r : h.results()) {
      boolean failed =
          switch (r.method()) {
            case "dkim" ->
                (r.result().equals("fail") || r.result().equals("permerror"))
                        && (r.domains().isEmpty() || anyAws(r.domains()))
                    || r.result().equals("none");
            case "dmarc" -> r.result().equals("fail");
            default -> false;
          };
      if (failed) {
        return new Provenance(Provenance.Trust.FORGED, r.describe() + by);
      }
    }
    boolean checkedDkim = h.results().stream().anyMatch(r -> r.method().equals("dkim"));
    return Provenance.unverified(
        checkedDkim
            ? "no DKIM pass for an AWS domain" + by
            : "the trusted server " + h.authservId() + " did not check DKIM");
  }

  /** The topmost header added by a trusted server. */
  static Optional<Header> trustedHeader(List<String> results, List<String> trusted) {
    for (String value : results) {
      Header h = parse(value);
      if (trusted.stream().anyMatch(id -> id.equalsIgnoreCase(h.authservId()))) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }

  static Header parse(String value) {
    String text = value;
    for (int i = 0; i < 5 && text.indexOf('(') >= 0; i++) {
      text = COMMENT.matcher(text).replaceAll(" ");
    }
    String[] parts = text.split(";");
    String id = parts.length == 0 ? "" : parts[0].strip().split("\\s+")[0];
    List<Result> results = new ArrayList<>();
    for (int i = 1; i < parts.length && results.size() < 50; i++) {
      Matcher m = METHOD_RESULT.matcher(parts[i]);
      if (!m.matches()) {
        continue;
      }
      List<String> domains = new ArrayList<>();
      Matcher p = PROPERTY.matcher(m.group(3));
      while (p.find() && domains.size() < 5) {
        domains.add(p.group(2).toLowerCase(Locale.ROOT));
      }
      results.add(
          new Result(
              m.group(1).toLowerCase(Locale.ROOT), m.group(2).toLowerCase(Locale.ROOT), domains));
    }
    return new Header(id, results);
  }

  private static String dkimSummary(Header h) {
    return h.results().stream()
        .filter(r -> r.method().equals("dkim"))
        .findFirst()
        .map(Result::describe)
        .orElse("no DKIM result");
  }

  private static boolean anyAws(List<String> domains) {
    return domains.stream().anyMatch(d -> AWS_DOMAIN.matcher(d).matches());
  }

  /** Whether {@code domain} is one of AWS's mail domains. */
  static boolean awsDomain(String domain) {
    return AWS_DOMAIN.matcher(domain.toLowerCase(Locale.ROOT)).matches();
  }

  /** The last address in a From value: {@code "AWS" <ec2-abuse@amazon.com>} gives the address. */
  static Optional<String> address(String from) {
    Matcher m = ADDRESS.matcher(from == null ? "" : from);
    String last = null;
    while (m.find()) {
      last = m.group();
    }
    return Optional.ofNullable(last).map(a -> a.toLowerCase(Locale.ROOT));
  }

  private static String domain(String address) {
    return address.substring(address.lastIndexOf('@') + 1);
  }
}
