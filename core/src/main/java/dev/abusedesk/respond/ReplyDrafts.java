package dev.abusedesk.respond;

import dev.abusedesk.cases.CustomerAnswer;
import dev.abusedesk.report.Category;
import java.util.List;

/**
 * The replies AWS expects, filled with a case's own IDs: the first reply, the corrective-action
 * report and a request for more time. Always English, the language AWS Trust &amp; Safety reads.
 * Pure: facts in, text out.
 */
public final class ReplyDrafts {

  private ReplyDrafts() {}

  /** Values cut to this many characters each, so a hostile report cannot bloat a reply. */
  static final int MAX_VALUE = 200;

  /** Lists show this many values before "and N more". */
  static final int MAX_LISTED = 20;

  /** A customer's words are cut to this many characters each in a reply. */
  static final int MAX_CUSTOMER_TEXT = 1000;

  public static List<Draft> of(CaseFacts facts) {
    return of(facts, List.of());
  }

  /**
   * The drafts, the corrective-action report and the request for more time filled with what the
   * customers of the case's accounts answered (quoted, attributed to them).
   */
  public static List<Draft> of(CaseFacts facts, List<CustomerSaid> customers) {
    return List.of(
        draft(Draft.Type.FIRST_REPLY, facts, customers),
        draft(Draft.Type.CORRECTIVE_ACTION, facts, customers),
        draft(Draft.Type.MORE_TIME, facts, customers));
  }

  public static Draft draft(Draft.Type type, CaseFacts facts) {
    return draft(type, facts, List.of());
  }

  public static Draft draft(Draft.Type type, CaseFacts facts, List<CustomerSaid> customers) {
    String body =
        switch (type) {
          case FIRST_REPLY -> firstReply(facts);
          case CORRECTIVE_ACTION -> correctiveAction(facts, customers);
          case MORE_TIME -> moreTime(facts, customers);
        };
    return new Draft(type, subject(facts), body);
  }

  /** {@code Re:} and the AWS mail's subject, else one naming the case. */
  static String subject(CaseFacts facts) {
    String original = facts.awsMail().map(m -> clean(m.subject())).orElse("");
    if (!original.isEmpty()) {
      return original.regionMatches(true, 0, "Re:", 0, 3) ? original : "Re: " + original;
    }
    String awsCase = clean(facts.awsCase());
    return "Re: AWS abuse report"
        + (awsCase.isEmpty() ? "" : " " + awsCase)
        + accountsSuffix(facts);
  }

  private static String firstReply(CaseFacts facts) {
    return greeting()
        + "Thank you for your report"
        + reference(facts)
        + ". We have received it and are investigating the reported "
        + activity(facts.category())
        + ".\n\n"
        + involved(facts)
        + "We are taking immediate steps to stop the activity and will send you a report of the"
        + " corrective actions we have taken as soon as our investigation is complete.\n\n"
        + signature();
  }

  private static String correctiveAction(CaseFacts facts, List<CustomerSaid> customers) {
    List<CustomerSaid> said =
        customers.stream()
            .filter(c -> c.answer().verdict() != CustomerAnswer.Verdict.NEED_TIME)
            .toList();
    StringBuilder happened = new StringBuilder();
    StringBuilder stopped = new StringBuilder();
    StringBuilder changed = new StringBuilder();
    for (CustomerSaid c : said) {
      String who = "The customer running AWS account " + clean(c.accountId());
      happened
          .append("- ")
          .append(who)
          .append(
              c.answer().verdict() == CustomerAnswer.Verdict.OURS
                  ? " reports that the activity came from their own workload.\n"
                  : " reports that the activity did not come from their own workload.\n");
      if (!c.answer().stopped().isBlank()) {
        stopped.append("- ").append(who).append(" reports: ").append(quoted(c.answer().stopped()));
      }
      if (!c.answer().changed().isBlank()) {
        changed.append("- ").append(who).append(" reports: ").append(quoted(c.answer().changed()));
      }
    }
    return greeting()
        + "This is our report on the "
        + activity(facts.category())
        + reference(facts)
        + ".\n\n"
        + involved(facts)
        + "What happened:\n"
        + happened
        + "[Describe the cause, e.g. "
        + cause(facts.category())
        + "]\n\n"
        + "What we did to stop it:\n"
        + "- "
        + firstAid(facts)
        + "\n"
        + stopped
        + "\n"
        + "What we changed so that it does not happen again:\n"
        + changed
        + "- [e.g. "
        + rootCause(facts.category())
        + "]\n\n"
        + "We have confirmed that the reported activity has stopped. Please let us know if you"
        + " observe any further activity from these resources.\n\n"
        + signature();
  }

  private static String moreTime(CaseFacts facts, List<CustomerSaid> customers) {
    StringBuilder waiting = new StringBuilder();
    for (CustomerSaid c : customers) {
      if (c.answer().verdict() == CustomerAnswer.Verdict.NEED_TIME) {
        waiting
            .append("- The customer running AWS account ")
            .append(clean(c.accountId()))
            .append(" needs more time to investigate: ")
            .append(quoted(c.answer().moreTimeBecause()));
      }
    }
    return greeting()
        + "We are still investigating the reported "
        + activity(facts.category())
        + reference(facts)
        + ".\n\n"
        + involved(facts)
        + "So far we have done the following to stop the activity:\n"
        + "- "
        + firstAid(facts)
        + "\n"
        + (waiting.length() == 0 ? "" : "\nWhere the investigation stands:\n" + waiting)
        + "\n"
        + "The investigation needs more time because [reason]. We kindly ask for additional time"
        + " and will send you our full report of the corrective actions by [date].\n\n"
        + signature();
  }

  private static String greeting() {
    return "Hello AWS Trust & Safety team,\n\n";
  }

  private static String signature() {
    return "Best regards,\n[Your name]\n[Company]\n";
  }

  private static String reference(CaseFacts facts) {
    String awsCase = clean(facts.awsCase());
    StringBuilder out = new StringBuilder();
    if (!awsCase.isEmpty()) {
      out.append(" (AWS case ").append(awsCase).append(')');
    }
    if (!facts.accounts().isEmpty()) {
      out.append(facts.accounts().size() == 1 ? " about AWS account " : " about AWS accounts ");
      out.append(listed(facts.accounts()));
    }
    return out.toString();
  }

  private static String accountsSuffix(CaseFacts facts) {
    return facts.accounts().isEmpty() ? "" : " (AWS account " + listed(facts.accounts()) + ")";
  }

  private static String involved(CaseFacts facts) {
    StringBuilder out = new StringBuilder();
    section(out, "Resources", facts.resources());
    section(out, "IP addresses", facts.ips());
    section(out, "Regions", facts.regions());
    return out.length() == 0 ? "" : "The resources involved:\n" + out + "\n";
  }

  private static void section(StringBuilder out, String label, List<String> values) {
    if (!values.isEmpty()) {
      out.append("- ").append(label).append(": ").append(listed(values)).append('\n');
    }
  }

  private static String listed(List<String> values) {
    List<String> shown = values.stream().limit(MAX_LISTED).map(ReplyDrafts::clean).toList();
    String joined = String.join(", ", shown);
    return values.size() > MAX_LISTED
        ? joined + " and " + (values.size() - MAX_LISTED) + " more"
        : joined;
  }

  /**
   * A customer's words, quoted: kept as they wrote them, each of their lines indented under the
   * quote, control characters gone, bounded; a line of its own to end.
   */
  static String quoted(String text) {
    String kept = text.replaceAll("[\\p{Cntrl}&&[^\\n]]|[\\u2028\\u2029]", " ").strip();
    if (kept.length() > MAX_CUSTOMER_TEXT) {
      kept = kept.substring(0, MAX_CUSTOMER_TEXT) + "…";
    }
    return "\"" + kept.replaceAll("\\s*\\n\\s*", "\n  ") + "\"\n";
  }

  /** One line, bounded: a value from a report cannot add lines or headers to the reply. */
  static String clean(String value) {
    String line = value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    return line.length() > MAX_VALUE ? line.substring(0, MAX_VALUE) + "…" : line;
  }

  static String activity(Category category) {
    return switch (category) {
      case SPAM -> "unsolicited email (spam)";
      case DOS -> "denial-of-service activity";
      case PORT_SCAN -> "port scanning";
      case INTRUSION -> "intrusion attempts";
      case OPEN_PROXY -> "open proxy";
      case PHISHING -> "phishing content";
      case MALWARE -> "malware hosting";
      case BOTNET -> "botnet activity";
      case COPYRIGHT -> "copyright infringement";
      case PII -> "exposure of personal information";
      case ILLEGAL_CONTENT -> "illegal content";
      case CC_FRAUD -> "payment card fraud";
      case CREDENTIALS_EXPOSED -> "exposure of AWS access keys";
      case OTHER -> "abusive activity";
    };
  }

  private static String firstAid(CaseFacts facts) {
    List<String> domains = facts.domainsToStop();
    String instances = String.join(", ", facts.instances());
    String on = instances.isEmpty() ? "" : " on " + instances;
    return switch (facts.category()) {
      case SPAM ->
          "We stopped outgoing mail"
              + on
              + (domains.isEmpty() ? "" : " to " + listed(domains))
              + " and held the mail queue.";
      case DOS, PORT_SCAN, INTRUSION, BOTNET ->
          "We isolated"
              + (instances.isEmpty() ? " the instance" : " " + instances)
              + " with a security group that allows no outbound traffic, took snapshots for"
              + " forensics and stopped it.";
      case OPEN_PROXY ->
          "We closed the proxy port" + on + " in the security group and the service.";
      case PHISHING, MALWARE, COPYRIGHT, ILLEGAL_CONTENT -> "We removed the reported content.";
      case PII -> "We removed the personal information and blocked public access to it.";
      case CC_FRAUD -> "We stopped the fraudulent transactions and disabled the accounts involved.";
      case CREDENTIALS_EXPOSED ->
          "We deactivated the exposed access key"
              + (facts.accessKeys().isEmpty() ? "" : " " + String.join(", ", facts.accessKeys()))
              + ", created a new key and reviewed its use in CloudTrail.";
      case OTHER -> "[Describe what you did to stop the activity.]";
    };
  }

  private static String cause(Category category) {
    return switch (category) {
      case SPAM -> "a contact form without a CAPTCHA was abused to send mail.";
      case DOS, PORT_SCAN, INTRUSION, BOTNET ->
          "the instance was compromised through an unpatched service and ran a scanner.";
      case OPEN_PROXY -> "a proxy service listened on the internet without authentication.";
      case PHISHING, MALWARE -> "an outdated CMS plugin allowed files to be uploaded.";
      case COPYRIGHT, ILLEGAL_CONTENT, PII -> "a user uploaded the content to our service.";
      case CC_FRAUD -> "stolen card details were used on our checkout.";
      case CREDENTIALS_EXPOSED -> "the key was committed to a public repository.";
      case OTHER -> "what caused the activity.";
    };
  }

  private static String rootCause(Category category) {
    return switch (category) {
      case SPAM -> "we added reCAPTCHA and a rate limit to the form and rotated SMTP credentials.";
      case DOS, PORT_SCAN, INTRUSION, BOTNET ->
          "we rebuilt the instance from a clean image, patched it and rotated its credentials.";
      case OPEN_PROXY -> "the proxy now requires authentication and listens only internally.";
      case PHISHING, MALWARE -> "we updated the CMS, removed the plugin and changed passwords.";
      case COPYRIGHT, ILLEGAL_CONTENT, PII ->
          "we review uploads and handle takedown requests within a day.";
      case CC_FRAUD -> "we added fraud checks to the checkout and informed our payment provider.";
      case CREDENTIALS_EXPOSED ->
          "we deleted the old key, removed it from the repository and use IAM roles instead.";
      case OTHER -> "what you changed.";
    };
  }
}
