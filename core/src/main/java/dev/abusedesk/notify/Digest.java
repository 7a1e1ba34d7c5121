package dev.abusedesk.notify;

import java.util.List;
import java.util.Objects;

/**
 * Messages of one type to one receiver told as one: when more cases wait than the receiver's pace
 * sends within seconds, they are listed together so that every case is seen at once instead of
 * trickling out over minutes.
 *
 * @param type what the folded messages are: new cases, reminders or escalations
 * @param alerts the folded alerts, one per message, in queue order
 * @param page this digest's place when one burst needed several (1-based)
 * @param pages how many digests the burst needed
 */
public record Digest(Alert.Type type, List<Alert> alerts, int page, int pages) {

  /** Cases one digest lists: every chat tool shows this many lines without cutting. */
  public static final int MAX_CASES = 15;

  public Digest {
    Objects.requireNonNull(type, "type");
    alerts = List.copyOf(alerts);
    if (alerts.isEmpty() || alerts.size() > MAX_CASES) {
      throw new IllegalArgumentException("a digest lists 1 to " + MAX_CASES + " alerts");
    }
    if (page < 1 || page > pages) {
      throw new IllegalArgumentException("page " + page + " of " + pages);
    }
  }

  /**
   * The types of message that fold into digests, in the order a burst is looked for: new cases
   * first, then escalations, then reminders.
   */
  static final List<Alert.Type> TYPES =
      List.of(Alert.Type.NEW_CASE, Alert.Type.ESCALATION, Alert.Type.REMINDER);
}
