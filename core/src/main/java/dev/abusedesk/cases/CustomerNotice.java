package dev.abusedesk.cases;

import dev.abusedesk.config.Contact;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One contact of a case's account told about the case, and what they answered.
 *
 * @param linkId 32 random bytes, base64url: bound into the signed response link, so that a new one
 *     (on re-send) makes the old link stop working
 * @param notifiedAt when the notice was opened (the first mail)
 * @param deadline the customer's: the case's deadline less {@code customers.margin_hours}
 * @param lastRemindedAt the last mail after the first: a reminder, or a re-send
 * @param revokedAt when the team stopped the link; a revoked notice is neither reminded nor late
 * @param lateToldAt when the team was told the customer's deadline passed unanswered
 */
public record CustomerNotice(
    long id,
    long caseId,
    String accountId,
    Contact contact,
    String linkId,
    Instant notifiedAt,
    Instant deadline,
    Optional<Instant> lastRemindedAt,
    Optional<Instant> revokedAt,
    Optional<CustomerAnswer> answer,
    Optional<Instant> lateToldAt) {

  public CustomerNotice {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(linkId, "linkId");
    Objects.requireNonNull(notifiedAt, "notifiedAt");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(lastRemindedAt, "lastRemindedAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(lateToldAt, "lateToldAt");
  }

  /**
   * Where this contact stands: answered; else late once the deadline has passed (unless revoked:
   * the team withdrew the question); else notified.
   */
  public CustomerState status(Instant now) {
    if (answer.isPresent()) {
      return CustomerState.ANSWERED;
    }
    if (revokedAt.isEmpty() && !now.isBefore(deadline)) {
      return CustomerState.LATE;
    }
    return CustomerState.NOTIFIED;
  }

  /** Whether the link still works: not revoked. (Its signature and expiry are the link's.) */
  public boolean isRevoked() {
    return revokedAt.isPresent();
  }

  /** Whether the contact may still answer: neither answered nor revoked. */
  public boolean awaitsAnswer() {
    return answer.isEmpty() && revokedAt.isEmpty();
  }

  /** Whether a link's ID is this notice's current one, compared in constant time. */
  public boolean linkMatches(String given) {
    return given != null
        && MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8), linkId.getBytes(StandardCharsets.UTF_8));
  }

  /** Without the link ID: a notice in a log line must not be a way to the response page. */
  @Override
  public String toString() {
    return "CustomerNotice[id="
        + id
        + ", caseId="
        + caseId
        + ", accountId="
        + accountId
        + ", contact="
        + contact
        + ", notifiedAt="
        + notifiedAt
        + ", deadline="
        + deadline
        + ", lastRemindedAt="
        + lastRemindedAt
        + ", revokedAt="
        + revokedAt
        + ", answer="
        + answer.map(a -> a.verdict().wire())
        + ", lateToldAt="
        + lateToldAt
        + "]";
  }
}
