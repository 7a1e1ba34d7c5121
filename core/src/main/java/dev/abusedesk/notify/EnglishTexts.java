package dev.abusedesk.notify;

import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.report.Category;
import dev.abusedesk.report.Channel;
import dev.abusedesk.report.Kind;
import java.time.Duration;
import java.util.List;

/** The English texts. */
final class EnglishTexts implements Texts {

  static final EnglishTexts INSTANCE = new EnglishTexts();

  private EnglishTexts() {}

  @Override
  public String category(Category category) {
    return switch (category) {
      case SPAM -> "Spam / unsolicited email";
      case DOS -> "Denial of service (DoS) attack";
      case PORT_SCAN -> "Port scanning";
      case INTRUSION -> "Intrusion attempts (brute force, exploits)";
      case OPEN_PROXY -> "Open proxy / open relay";
      case PHISHING -> "Phishing site";
      case MALWARE -> "Malware hosting or distribution";
      case BOTNET -> "Botnet / command-and-control activity";
      case COPYRIGHT -> "Copyright infringement";
      case PII -> "Exposed personal information";
      case ILLEGAL_CONTENT -> "Illegal or prohibited content";
      case CC_FRAUD -> "Credit card fraud";
      case CREDENTIALS_EXPOSED -> "Exposed AWS access key";
      case OTHER -> "Other abuse";
    };
  }

  @Override
  public String kind(Kind kind) {
    return switch (kind) {
      case NOTICE -> "New report from AWS: a reply is expected.";
      case FOLLOW_UP -> "Additional report on this case: a reply is expected.";
      case REMINDER -> "AWS reminder: AWS has not received a reply yet.";
      case FINAL ->
          "FINAL NOTIFICATION: AWS has already taken action against the resources below."
              + " Reply now.";
      case CLOSED -> "AWS closed the case.";
      case NOT_ABUSE -> "Not an abuse report.";
    };
  }

  @Override
  public String kindName(Kind kind) {
    return switch (kind) {
      case NOTICE -> "Notice";
      case FOLLOW_UP -> "Follow-up";
      case REMINDER -> "AWS reminder";
      case FINAL -> "FINAL NOTIFICATION";
      case CLOSED -> "Case closed";
      case NOT_ABUSE -> "Not abuse";
    };
  }

  @Override
  public String channel(Channel channel) {
    return switch (channel) {
      case EMAIL -> "email";
      case HEALTH -> "AWS Health";
    };
  }

  @Override
  public String status(CaseStatus status) {
    return switch (status) {
      case OPEN -> "Open (nobody has taken it)";
      case ACKNOWLEDGED -> "Acknowledged";
      case REPLIED -> "Replied to AWS";
      case MITIGATED -> "Mitigated";
      case RESOLVED -> "Resolved";
      case CLOSED_BY_AWS -> "Closed by AWS";
    };
  }

  @Override
  public String title(Alert.Type type, boolean overdue) {
    return switch (type) {
      case NEW_CASE -> "New AWS abuse report";
      case UPDATE -> "Update from AWS";
      case CLOSED_BY_AWS -> "AWS closed the case";
      case CLOSED_UNVERIFIED -> "AWS says closed — not verified, confirm?";
      case STATUS -> "Case status changed";
      case REMINDER -> overdue ? "Overdue: reply to AWS now" : "Reminder: reply to AWS";
      case ESCALATION -> "Escalation: nobody has taken this case";
      case TEST -> "Test message from Abuse Desk";
    };
  }

  @Override
  public String caseTitle(String title, String category, long caseId) {
    return title + " — " + category + " (case #" + caseId + ")";
  }

  @Override
  public String label(Label label) {
    return switch (label) {
      case STATUS -> "Status";
      case CATEGORY -> "Category";
      case ACCOUNT -> "Account";
      case CUSTOMER -> "Customer";
      case REGIONS -> "Regions";
      case RESOURCES -> "Resources";
      case IPS -> "IPs";
      case AWS_CASE -> "AWS case";
      case REPORT -> "Report";
      case RECEIVED -> "Received";
      case DEADLINE -> "Deadline";
      case TIME_LEFT -> "Time left";
      case OWNER -> "Owner";
      case CHANGED_BY -> "Changed by";
      case NOTE -> "Note";
      case COMPLAINT -> "What the report says (excerpt)";
      case AWS_ACTIONS -> "What AWS already did";
      case STEPS -> "What to do";
      case OPEN_CASE -> "Open the case";
      case ACKNOWLEDGE -> "Acknowledge";
      case CONFIRM_CLOSED -> "Confirm: AWS closed it";
    };
  }

  @Override
  public String unregistered() {
    return "unregistered account";
  }

  @Override
  public String senderWarning() {
    return "The sender could not be verified (DKIM failed): this may be a phishing imitation."
        + " Check the case in the AWS console before acting, and do not follow links in the mail.";
  }

  @Override
  public String settledLead(Kind kind, CaseStatus status) {
    return kindName(kind)
        + " from AWS, but the case is now "
        + status(status)
        + ": no reply is due.";
  }

  @Override
  public String unverifiedCloseLead() {
    return "A mail says AWS closed this case, but it cannot be shown to come from AWS. The case"
        + " stays open and reminders go on until someone confirms it on the case page.";
  }

  @Override
  public String digestTitle(Alert.Type type, int count) {
    return switch (type) {
      case NEW_CASE -> count + " new AWS abuse reports";
      case REMINDER -> count + " cases still await a reply to AWS";
      case ESCALATION -> count + " cases nobody has acknowledged";
      default -> count + " messages about cases";
    };
  }

  @Override
  public String digestLead(Alert.Type type) {
    return switch (type) {
      case NEW_CASE ->
          "More reports arrived at once than this channel takes one by one, so here they all are"
              + " together. Each case's later messages come one by one.";
      case REMINDER -> "These reminders fell due together. Reply to AWS for each case.";
      case ESCALATION ->
          "Nobody has acknowledged these cases and their deadlines are near. Take them now.";
      default -> "These messages fell due together.";
    };
  }

  @Override
  public String digestSenderWarning() {
    return "Some of these mails could not be verified (DKIM failed) and may be imitations:"
        + " check each case in the AWS console before acting.";
  }

  @Override
  public String more(int count) {
    return "+" + count + " more";
  }

  @Override
  public String duration(Duration duration) {
    long minutes = Math.max(0, duration.toMinutes());
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    if (days > 0) {
      return days + " d " + hours + " h";
    }
    return hours > 0 ? hours + " h " + minutes % 60 + " min" : minutes % 60 + " min";
  }

  @Override
  public String overdueBy(Duration late) {
    return "overdue by " + duration(late);
  }

  @Override
  public String reminderLead(Duration left) {
    return left.isNegative()
        ? "The first reply to AWS is " + overdueBy(left.negated()) + "."
        : duration(left) + " left to send the first reply to AWS.";
  }

  @Override
  public String escalationLead(Duration left) {
    return left.isNegative()
        ? "Nobody has acknowledged this case and the reply is " + overdueBy(left.negated()) + "."
        : "Nobody has acknowledged this case and only " + duration(left) + " are left to reply.";
  }

  @Override
  public String statusLead(CaseStatus status, String actor) {
    return "Now: " + status(status) + (actor.isEmpty() ? "" : ", by " + actor) + ".";
  }

  @Override
  public String testLead() {
    return "This is a test. If you can read it, Abuse Desk alerts reach this place."
        + " Nothing needs doing.";
  }

  @Override
  public List<String> steps(Category category) {
    return List.of(
        "Reply to AWS before the deadline (AWS expects a first reply within 24 hours), even before"
            + " you know everything: say that you are investigating.",
        "First aid, stop the activity: " + firstAid(category),
        "Reply to AWS with what you found and what you did.",
        "Fix the root cause: " + rootCause(category));
  }

  private static String firstAid(Category category) {
    return switch (category) {
      case SPAM ->
          "stop the mail queue (or block outbound port 25), block sending to the complaining"
              + " domains, find the script or account that sends, check contact forms and"
              + " auto-replies.";
      case DOS, PORT_SCAN, INTRUSION, BOTNET ->
          "restrict the security group's outbound rules, take a snapshot of the volumes for"
              + " forensics, then stop the instance.";
      case OPEN_PROXY ->
          "close the proxy or relay port in the security group and in the service's settings.";
      case PHISHING, MALWARE ->
          "take the content down (remove the files or block the path) and look for other files"
              + " the attacker added.";
      case COPYRIGHT, ILLEGAL_CONTENT -> "remove the reported content or block access to it.";
      case PII ->
          "remove the exposed personal data or block public access to it (S3 Block Public"
              + " Access, bucket policy).";
      case CC_FRAUD ->
          "stop the fraudulent transactions: disable the affected checkout or account and keep"
              + " the logs.";
      case CREDENTIALS_EXPOSED ->
          "deactivate the exposed access key, create a new one and rotate it where it is used,"
              + " review the key's activity in CloudTrail, remove it from the public place.";
      case OTHER -> "read what AWS asks for and stop the reported activity.";
    };
  }

  private static String rootCause(Category category) {
    return switch (category) {
      case SPAM ->
          "patch or remove the abused script or form, add CAPTCHA and rate limits, rotate"
              + " leaked SMTP credentials.";
      case DOS, PORT_SCAN, INTRUSION, BOTNET ->
          "find how the instance was compromised (processes, cron, SSH keys, logs), rebuild it"
              + " from a clean image, patch, rotate its credentials.";
      case OPEN_PROXY -> "require authentication and listen only where needed.";
      case PHISHING, MALWARE ->
          "find how the content got there (CMS plugin, leaked password), patch, rotate"
              + " credentials.";
      case COPYRIGHT, ILLEGAL_CONTENT ->
          "review how users publish content and your notice-and-takedown process.";
      case PII -> "review access controls, and whether the exposure must be notified.";
      case CC_FRAUD ->
          "find how card data or the account was misused and tell your payment provider.";
      case CREDENTIALS_EXPOSED ->
          "delete the old key, look for resources the attacker created (EC2, IAM users,"
              + " Lambda) in every region, prefer roles to long-lived keys.";
      case OTHER -> "find out how it happened and fix it.";
    };
  }

  @Override
  public String truncated() {
    return "… [truncated]";
  }
}
