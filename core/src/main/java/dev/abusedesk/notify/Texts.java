package dev.abusedesk.notify;

import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.config.Language;
import dev.abusedesk.config.Phrase;
import dev.abusedesk.report.Category;
import dev.abusedesk.report.Channel;
import dev.abusedesk.report.Kind;
import java.time.Duration;
import java.util.List;

/**
 * Every word a message says, in one language. Each text is a {@link Phrase}, every language side by
 * side; the vocabulary is in {@link Terms}, whose switches are exhaustive, so the compiler refuses
 * a category, kind, status, type or label without words.
 */
public final class Texts {

  private static final Texts EN = new Texts(Language.EN);
  private static final Texts JA = new Texts(Language.JA);

  private final Language language;

  private Texts(Language language) {
    this.language = language;
  }

  public static Texts of(Language language) {
    return switch (language) {
      case EN -> EN;
      case JA -> JA;
    };
  }

  /** The names of the facts and sections of a message. */
  public enum Label {
    STATUS,
    CATEGORY,
    ACCOUNT,
    CUSTOMER,
    REGIONS,
    RESOURCES,
    IPS,
    AWS_CASE,
    REPORT,
    RECEIVED,
    DEADLINE,
    TIME_LEFT,
    OWNER,
    CHANGED_BY,
    NOTE,
    COMPLAINT,
    AWS_ACTIONS,
    STEPS,
    OPEN_CASE,
    ACKNOWLEDGE,
    CONFIRM_CLOSED,
    CUSTOMER_CONTACT,
    CUSTOMER_VERDICT,
    CUSTOMER_STOPPED,
    CUSTOMER_CHANGED,
    CUSTOMER_MORE_TIME,
    CUSTOMER_DEADLINE
  }

  private static final Phrase CASE_TITLE = new Phrase("{} — {} (case #{})", "{} — {}（ケース #{}）");
  private static final Phrase UNREGISTERED = new Phrase("unregistered account", "未登録のアカウント");
  private static final Phrase SENDER_WARNING =
      new Phrase(
          "The sender could not be verified (DKIM failed): this may be a phishing imitation."
              + " Check the case in the AWS console before acting, and do not follow links in the"
              + " mail.",
          "送信元を検証できませんでした（DKIM失敗）。フィッシングによるなりすましの可能性があります。"
              + "対応する前にAWSコンソールでケースを確認し、メール内のリンクは開かないでください。");
  private static final Phrase MORE = new Phrase("+{} more", "他{}件");
  private static final Phrase DAYS = new Phrase("{} d {} h", "{}日{}時間");
  private static final Phrase HOURS = new Phrase("{} h {} min", "{}時間{}分");
  private static final Phrase MINUTES = new Phrase("{} min", "{}分");
  private static final Phrase OVERDUE_BY = new Phrase("overdue by {}", "{}超過");
  private static final Phrase REMINDER_LATE =
      new Phrase("The first reply to AWS is overdue by {}.", "AWSへの一次返信の期限を{}過ぎています。");
  private static final Phrase REMINDER_LEFT =
      new Phrase("{} left to send the first reply to AWS.", "AWSへの一次返信の期限まで残り{}です。");
  private static final Phrase ESCALATION_LATE =
      new Phrase(
          "Nobody has acknowledged this case and the reply is overdue by {}.",
          "担当者が決まらないまま、返信期限を{}過ぎています。");
  private static final Phrase ESCALATION_LEFT =
      new Phrase(
          "Nobody has acknowledged this case and only {} are left to reply.",
          "担当者が決まらないまま、返信期限まで残り{}です。");
  private static final Phrase STATUS_NOW = new Phrase("Now: {}.", "現在の状態：{}。");
  private static final Phrase STATUS_NOW_BY = new Phrase("Now: {}, by {}.", "現在の状態：{}（{}）。");
  private static final Phrase SETTLED =
      new Phrase(
          "{} from AWS, but the case is now {}: no reply is due.",
          "AWSからの{}ですが、ケースは現在「{}」のため、返信は不要です。");
  private static final Phrase UNVERIFIED_CLOSE =
      new Phrase(
          "A mail says AWS closed this case, but it cannot be shown to come from AWS. The case"
              + " stays open and reminders go on until someone confirms it on the case page.",
          "AWSがケースをクローズしたとするメールが届きましたが、AWSからのものと確認できません。"
              + "ケースのページで誰かが確認するまで、ケースは未完了のままでリマインドも続きます。");
  private static final Phrase TEST =
      new Phrase(
          "This is a test. If you can read it, Abuse Desk alerts reach this place."
              + " Nothing needs doing.",
          "これはテストです。このメッセージが読めれば、Abuse Desk の通知はここに届きます。対応は不要です。");
  private static final Phrase DIGEST_SENDER_WARNING =
      new Phrase(
          "Some of these mails could not be verified (DKIM failed) and may be imitations:"
              + " check each case in the AWS console before acting.",
          "一部のメールは送信元を検証できませんでした（DKIM失敗）。なりすましの可能性があります。" + "対応する前にAWSコンソールで各ケースを確認してください。");
  private static final Phrase CUSTOMER_ANSWERED =
      new Phrase("{} answered for the customer's account {}.", "顧客アカウント {} について、{} さんから回答がありました。");
  private static final Phrase CUSTOMER_LATE_LEAD =
      new Phrase(
          "{} has not answered about account {} and the customer's deadline passed {} ago:"
              + " chase them, or reply to AWS without their answer.",
          "アカウント {} について {} さんからの回答がなく、顧客の回答期限を{}過ぎています。" + "顧客に催促するか、回答を待たずにAWSへ返信してください。");
  private static final Phrase TRUNCATED = new Phrase("… [truncated]", "…［以下省略］");

  public Language language() {
    return language;
  }

  /** The category in words: {@code Spam / unsolicited email}. */
  public String category(Category category) {
    return Terms.category(category).in(language);
  }

  /** What a report of this kind means for the team, as a sentence. */
  public String kind(Kind kind) {
    return Terms.kind(kind).in(language);
  }

  /** The kind's short name: {@code FINAL NOTIFICATION}. */
  public String kindName(Kind kind) {
    return Terms.kindName(kind).in(language);
  }

  /** Where a report came from: {@code email}, {@code AWS Health}. */
  public String channel(Channel channel) {
    return Terms.channel(channel).in(language);
  }

  public String status(CaseStatus status) {
    return Terms.status(status).in(language);
  }

  /** The title of a message of this type; reminders read differently once overdue. */
  public String title(Alert.Type type, boolean overdue) {
    return Terms.title(type, overdue).in(language);
  }

  /** The title with the category and the case: {@code New AWS abuse report — Spam (case #4)}. */
  public String caseTitle(String title, String category, long caseId) {
    return CASE_TITLE.in(language, title, category, caseId);
  }

  public String label(Label label) {
    return Terms.label(label).in(language);
  }

  /** Marks an account that is not in the configured registry. */
  public String unregistered() {
    return UNREGISTERED.in(language);
  }

  /** The warning for a mail whose sender failed DKIM verification. */
  public String senderWarning() {
    return SENDER_WARNING.in(language);
  }

  /** Stands for the {@code count} items a bounded list leaves out. */
  public String more(int count) {
    return MORE.in(language, count);
  }

  /** A duration to the minute: {@code 23 h 12 min}, {@code 2 d 3 h}. */
  public String duration(Duration duration) {
    long minutes = Math.max(0, duration.toMinutes());
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    if (days > 0) {
      return DAYS.in(language, days, hours);
    }
    return hours > 0 ? HOURS.in(language, hours, minutes % 60) : MINUTES.in(language, minutes % 60);
  }

  /** How late the reply is, from a positive duration. */
  public String overdueBy(Duration late) {
    return OVERDUE_BY.in(language, duration(late));
  }

  /** The opening line of a reminder. */
  public String reminderLead(Duration left) {
    return left.isNegative()
        ? REMINDER_LATE.in(language, duration(left.negated()))
        : REMINDER_LEFT.in(language, duration(left));
  }

  /** The opening line of an escalation. */
  public String escalationLead(Duration left) {
    return left.isNegative()
        ? ESCALATION_LATE.in(language, duration(left.negated()))
        : ESCALATION_LEFT.in(language, duration(left));
  }

  /** The opening line of a status change; {@code actor} may be empty. */
  public String statusLead(CaseStatus status, String actor) {
    return actor.isEmpty()
        ? STATUS_NOW.in(language, status(status))
        : STATUS_NOW_BY.in(language, status(status), actor);
  }

  /**
   * The opening line of a report that asks for a reply about a case that no longer awaits one: AWS
   * closed it, or the team replied, before the alert was written (a backlog, a restart).
   */
  public String settledLead(Kind kind, CaseStatus status) {
    return SETTLED.in(language, kindName(kind), status(status));
  }

  /** The opening line of a closing mail that could not be verified. */
  public String unverifiedCloseLead() {
    return UNVERIFIED_CLOSE.in(language);
  }

  /** The opening line of a test message. */
  public String testLead() {
    return TEST.in(language);
  }

  /** The response steps AWS expects for this category, in order. */
  public List<String> steps(Category category) {
    return ResponseSteps.of(category, language);
  }

  /** The title of a digest of {@code count} messages of this type. */
  public String digestTitle(Alert.Type type, int count) {
    Phrase title =
        switch (type) {
          case NEW_CASE -> new Phrase("{} new AWS abuse reports", "AWS不正利用の通報（新規） {}件");
          case REMINDER -> new Phrase("{} cases still await a reply to AWS", "AWSへの返信待ちのケース {}件");
          case ESCALATION -> new Phrase("{} cases nobody has acknowledged", "誰も担当していないケース {}件");
          default -> new Phrase("{} messages about cases", "ケースに関するメッセージ {}件");
        };
    return title.in(language, count);
  }

  /** The opening line of a digest of this type: why the cases come as a list. */
  public String digestLead(Alert.Type type) {
    Phrase lead =
        switch (type) {
          case NEW_CASE ->
              new Phrase(
                  "More reports arrived at once than this channel takes one by one, so here they"
                      + " all are together. Each case's later messages come one by one.",
                  "一度に届いた通報が多いため、まとめてお知らせします。各ケースの続報はケースごとに届きます。");
          case REMINDER ->
              new Phrase(
                  "These reminders fell due together. Reply to AWS for each case.",
                  "同時に期限を迎えたリマインドです。ケースごとにAWSへ返信してください。");
          case ESCALATION ->
              new Phrase(
                  "Nobody has acknowledged these cases and their deadlines are near. Take them now.",
                  "誰も担当しておらず、返信期限が迫っているケースです。すぐに担当を決めてください。");
          default -> new Phrase("These messages fell due together.", "同時に届いたメッセージです。");
        };
    return lead.in(language);
  }

  /** The warning of a digest in which some mails failed DKIM verification. */
  public String digestSenderWarning() {
    return DIGEST_SENDER_WARNING.in(language);
  }

  /** The opening line of a customer's answer; {@code who} and {@code account} are cleaned. */
  public String customerAnsweredLead(String who, String account) {
    return language == Language.JA
        ? CUSTOMER_ANSWERED.in(language, account, who)
        : CUSTOMER_ANSWERED.in(language, who, account);
  }

  /** The opening line when a customer's deadline passed unanswered. */
  public String customerLateLead(String who, String account, Duration late) {
    String by = duration(late);
    return language == Language.JA
        ? CUSTOMER_LATE_LEAD.in(language, account, who, by)
        : CUSTOMER_LATE_LEAD.in(language, who, account, by);
  }

  /** What a customer said the reported activity was. */
  public String verdict(dev.abusedesk.cases.CustomerAnswer.Verdict verdict) {
    return Terms.verdict(verdict).in(language);
  }

  /** Ends a text that a size limit cut short. */
  public String truncated() {
    return TRUNCATED.in(language);
  }
}
