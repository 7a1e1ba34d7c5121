package dev.abusedesk.notify;

import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.config.Language;
import dev.abusedesk.report.Category;
import dev.abusedesk.report.Channel;
import dev.abusedesk.report.Kind;
import java.time.Duration;
import java.util.List;

/**
 * Every word a message says, in one language. Each language is one class whose switches over the
 * enums are exhaustive, so the compiler refuses a language that misses a category, kind, status,
 * type or label.
 */
public sealed interface Texts permits EnglishTexts, JapaneseTexts {

  static Texts of(Language language) {
    return language == Language.JA ? JapaneseTexts.INSTANCE : EnglishTexts.INSTANCE;
  }

  /** The names of the facts and sections of a message. */
  enum Label {
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
    CONFIRM_CLOSED
  }

  /** The category in words: {@code Spam / unsolicited email}. */
  String category(Category category);

  /** What a report of this kind means for the team, as a sentence. */
  String kind(Kind kind);

  /** The kind's short name: {@code FINAL NOTIFICATION}. */
  String kindName(Kind kind);

  /** Where a report came from: {@code email}, {@code AWS Health}. */
  String channel(Channel channel);

  String status(CaseStatus status);

  /** The title of a message of this type; reminders read differently once overdue. */
  String title(Alert.Type type, boolean overdue);

  /** The title with the category and the case: {@code New AWS abuse report — Spam (case #4)}. */
  String caseTitle(String title, String category, long caseId);

  String label(Label label);

  /** Marks an account that is not in the configured registry. */
  String unregistered();

  /** The warning for a mail whose sender failed DKIM verification. */
  String senderWarning();

  /** Stands for the {@code count} items a bounded list leaves out. */
  String more(int count);

  /** A duration to the minute: {@code 23 h 12 min}, {@code 2 d 3 h}. */
  String duration(Duration duration);

  /** How late the reply is, from a positive duration. */
  String overdueBy(Duration late);

  /** The opening line of a reminder. */
  String reminderLead(Duration left);

  /** The opening line of an escalation. */
  String escalationLead(Duration left);

  /** The opening line of a status change; {@code actor} may be empty. */
  String statusLead(CaseStatus status, String actor);

  /**
   * The opening line of a report that asks for a reply about a case that no longer awaits one: AWS
   * closed it, or the team replied, before the alert was written (a backlog, a restart).
   */
  String settledLead(Kind kind, CaseStatus status);

  /** The opening line of a closing mail that could not be verified. */
  String unverifiedCloseLead();

  /** The opening line of a test message. */
  String testLead();

  /** The response steps AWS expects for this category, in order. */
  List<String> steps(Category category);

  /** The title of a digest of {@code count} messages of this type. */
  String digestTitle(Alert.Type type, int count);

  /** The opening line of a digest of this type: why the cases come as a list. */
  String digestLead(Alert.Type type);

  /** The warning of a digest in which some mails failed DKIM verification. */
  String digestSenderWarning();

  /** Ends a text that a size limit cut short. */
  String truncated();
}
