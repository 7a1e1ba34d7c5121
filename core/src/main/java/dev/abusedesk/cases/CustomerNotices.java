package dev.abusedesk.cases;

import dev.abusedesk.config.Contact;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The customer notices of cases: who at the customer was told, when they must answer, and what they
 * answered. Each change also lands on the case's history ({@code customer_*} events).
 */
public interface CustomerNotices {

  /**
   * Opens a notice per contact for the case unless one exists for (case, contact email); returns
   * those opened now, each with a fresh link ID. Idempotent: opening again opens nothing.
   *
   * @param deadline the customer's deadline (see {@code Customers.deadline})
   */
  List<CustomerNotice> open(
      long caseId, String accountId, List<Contact> contacts, Instant deadline, Instant now);

  /** The case's notices, oldest first. */
  List<CustomerNotice> forCase(long caseId);

  Optional<CustomerNotice> find(long noticeId);

  /**
   * Records the answer given through the link with {@code linkId}; false when the notice is
   * unknown, revoked, already answered (the first answer wins, later ones are refused) or has
   * another link by now (re-sent while the old page was open).
   */
  boolean answer(long noticeId, String linkId, CustomerAnswer answer);

  /**
   * A new link ID (the old link stops working), not revoked any more, and its last mail now: for
   * "re-send". The deadline stays.
   *
   * @param actor who re-sent it, for the case history
   * @throws NoSuchElementException when there is no such notice
   */
  CustomerNotice reissue(long noticeId, String actor, Instant now);

  /**
   * Stops the notice's link: no answer, reminder or lateness after this. Nothing when unknown or
   * revoked already.
   *
   * @param actor who revoked it, for the case history
   */
  void revoke(long noticeId, String actor, Instant now);

  /**
   * Unanswered, unrevoked notices whose customer deadline is still ahead and whose last reminder
   * (or notification) is at least {@code every} ago.
   */
  List<CustomerNotice> dueForReminder(Instant now, Duration every);

  /** Notes that the contact was reminded at {@code at}. */
  void reminded(long noticeId, Instant at);

  /** Unanswered, unrevoked notices past their deadline that the team has not been told about. */
  List<CustomerNotice> lateUntold(Instant now);

  /** Notes that the team was told the notice is late; the case history shows it. */
  void lateTold(long noticeId, Instant at);

  /**
   * Per case, the state the dashboard shows: the most urgent of its notices' (late, then notified,
   * then answered); not notified for a case without any. Every ID asked about is in the map.
   */
  Map<Long, CustomerState> states(Collection<Long> caseIds, Instant now);
}
