package dev.abusedesk.report;

import java.util.List;
import java.util.Locale;

/**
 * Where a report stands in the life of a case, from AWS's wording: closing, final, reminder and
 * follow-up mails each use a few stock phrases; anything else is a first notice.
 */
final class KindWording {

  private KindWording() {}

  private static final List<String> CLOSED =
      List.of(
          "has been investigated and resolved",
          "this case has been resolved",
          "this case is now resolved",
          "we have resolved this case",
          "we consider this matter resolved",
          "we consider this case resolved",
          "this case is now closed",
          "this case has been closed",
          "we are closing this case",
          "we have closed this case",
          "the case has been closed",
          "no further action is required");

  private static final List<String> REMINDER =
      List.of(
          "have not received a response",
          "not yet received a response",
          "have not received a reply",
          "haven't received a response",
          "have not heard back",
          "still awaiting your response",
          "second notice",
          "reminder:");

  private static final List<String> FOLLOW_UP =
      List.of(
          "received an additional",
          "received additional",
          "an additional abuse report",
          "an additional report",
          "additional resources have been",
          "received another report",
          "received another abuse report",
          "received further reports");

  /** The kind the wording of a report names; {@code lower} is its text lower-cased. */
  static Kind kind(String subject, String lower) {
    String subj = subject.toLowerCase(Locale.ROOT);
    // Each list is searched only when a word all its phrases share is present.
    if (mentionsAny(lower, "resolved", "closed", "closing", "no further action")
        && CLOSED.stream().anyMatch(lower::contains)) {
      return Kind.CLOSED;
    }
    if (subj.contains("final notification")
        || subj.contains("final notice")
        || lower.contains("final notification")) {
      return Kind.FINAL;
    }
    if ((mentionsAny(lower, "response", "reply", "heard back", "second notice", "reminder:")
            && REMINDER.stream().anyMatch(lower::contains))
        || subj.startsWith("reminder")) {
      return Kind.REMINDER;
    }
    if (mentionsAny(lower, "additional", "another", "further")
        && FOLLOW_UP.stream().anyMatch(lower::contains)) {
      return Kind.FOLLOW_UP;
    }
    return Kind.NOTICE;
  }

  private static boolean mentionsAny(String lower, String... words) {
    for (String word : words) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
