package dev.abusedesk.notify;

import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.cases.CustomerAnswer;
import dev.abusedesk.report.Category;
import dev.abusedesk.report.Channel;
import dev.abusedesk.report.Kind;
import dev.abusedesk.report.SenderVerified;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one message about a case says, before any receiver renders it. Kept in the outbox as JSON
 * and rendered at delivery time, so that "time left" is right when the message goes out.
 *
 * <p>Every text field that came from a report ({@code complaintExcerpt}, {@code actionsTaken},
 * resource IDs, names) is untrusted: each receiver escapes it for its tool.
 *
 * @param type why the message is sent
 * @param reportKind the kind of the report that prompted it (for updates), else of the latest one
 * @param owner who acknowledged the case, if anyone
 * @param actor who changed the case (status changes), if anyone
 * @param note a person's note, or the reason of a status change
 * @param caseLink the dashboard page of the case, when a public URL is configured
 * @param ackLink a signed link that acknowledges the case, when configured
 * @param customer what a customer's contact answered, or that they did not in time: with {@link
 *     Type#CUSTOMER_ANSWERED} and {@link Type#CUSTOMER_LATE} only
 */
public record Alert(
    Type type,
    long caseId,
    CaseStatus status,
    Category category,
    List<AccountLine> accounts,
    List<String> regions,
    List<String> resources,
    List<String> ips,
    String awsCaseId,
    Kind reportKind,
    Channel channel,
    Instant receivedAt,
    Instant deadline,
    SenderVerified senderVerified,
    String complaintExcerpt,
    List<String> actionsTaken,
    Optional<String> owner,
    Optional<String> actor,
    String note,
    Optional<URI> caseLink,
    Optional<URI> ackLink,
    Instant createdAt,
    Optional<CustomerWord> customer) {

  /** Why a message is sent. */
  public enum Type {
    /** A report opened a new case: the first alert. */
    NEW_CASE,
    /** AWS sent more about a case: follow-up, reminder, final notification. */
    UPDATE,
    /** AWS closed the case. */
    CLOSED_BY_AWS,
    /**
     * A mail says AWS closed the case, but it cannot be shown to be AWS's: the case stays open
     * until a person confirms on the case page.
     */
    CLOSED_UNVERIFIED,
    /** A person moved the case (acknowledged, replied, mitigated, resolved). */
    STATUS,
    /** The reply deadline is near, or passed, and no reply has been sent. */
    REMINDER,
    /** Nobody has acknowledged the case and the deadline is near: louder receivers. */
    ESCALATION,
    /** {@code abusedesk notify-test}: a real message that says it is a test. */
    TEST,
    /** A customer's contact answered the notice about the case: a reply in the case's thread. */
    CUSTOMER_ANSWERED,
    /** A customer's deadline passed and their contact has not answered: chase them. */
    CUSTOMER_LATE;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Type fromWire(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * An affected account as the registry knows it.
   *
   * @param registered whether the account is in the configured registry
   */
  public record AccountLine(
      String id, Optional<String> name, Optional<String> customer, boolean registered) {
    public AccountLine {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(customer, "customer");
    }
  }

  /**
   * A customer contact's word about the case. Every text is theirs (untrusted): each receiver
   * escapes it for its tool.
   *
   * @param who who answered as they gave their name, else the contact's address
   * @param accountId the account they were told about
   * @param verdict what they said it was; empty when they have not answered (late)
   * @param stopped what they stopped or removed
   * @param changed what they changed so that it does not recur
   * @param moreTimeBecause why they need more time
   * @param deadline their own deadline
   */
  public record CustomerWord(
      String who,
      String accountId,
      Optional<CustomerAnswer.Verdict> verdict,
      String stopped,
      String changed,
      String moreTimeBecause,
      Instant deadline) {
    public CustomerWord {
      Objects.requireNonNull(who, "who");
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(verdict, "verdict");
      stopped = stopped == null ? "" : stopped;
      changed = changed == null ? "" : changed;
      moreTimeBecause = moreTimeBecause == null ? "" : moreTimeBecause;
      Objects.requireNonNull(deadline, "deadline");
    }
  }

  public Alert {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(category, "category");
    accounts = List.copyOf(accounts);
    regions = List.copyOf(regions);
    resources = List.copyOf(resources);
    ips = List.copyOf(ips);
    awsCaseId = awsCaseId == null ? "" : awsCaseId;
    Objects.requireNonNull(reportKind, "reportKind");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(senderVerified, "senderVerified");
    complaintExcerpt = complaintExcerpt == null ? "" : complaintExcerpt;
    actionsTaken = List.copyOf(actionsTaken);
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(actor, "actor");
    note = note == null ? "" : note;
    Objects.requireNonNull(caseLink, "caseLink");
    Objects.requireNonNull(ackLink, "ackLink");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(customer, "customer");
  }

  /** An alert without a customer's word: every type but the customer ones. */
  public Alert(
      Type type,
      long caseId,
      CaseStatus status,
      Category category,
      List<AccountLine> accounts,
      List<String> regions,
      List<String> resources,
      List<String> ips,
      String awsCaseId,
      Kind reportKind,
      Channel channel,
      Instant receivedAt,
      Instant deadline,
      SenderVerified senderVerified,
      String complaintExcerpt,
      List<String> actionsTaken,
      Optional<String> owner,
      Optional<String> actor,
      String note,
      Optional<URI> caseLink,
      Optional<URI> ackLink,
      Instant createdAt) {
    this(
        type,
        caseId,
        status,
        category,
        accounts,
        regions,
        resources,
        ips,
        awsCaseId,
        reportKind,
        channel,
        receivedAt,
        deadline,
        senderVerified,
        complaintExcerpt,
        actionsTaken,
        owner,
        actor,
        note,
        caseLink,
        ackLink,
        createdAt,
        Optional.empty());
  }

  /** The same facts, told as another type of message. */
  public Alert withType(Type other) {
    return told(other, customer);
  }

  /** The same facts, told as a customer's word of this type. */
  public Alert withCustomer(Type other, CustomerWord word) {
    return told(other, Optional.of(word));
  }

  private Alert told(Type other, Optional<CustomerWord> word) {
    return new Alert(
        other,
        caseId,
        status,
        category,
        accounts,
        regions,
        resources,
        ips,
        awsCaseId,
        reportKind,
        channel,
        receivedAt,
        deadline,
        senderVerified,
        complaintExcerpt,
        actionsTaken,
        owner,
        actor,
        note,
        caseLink,
        ackLink,
        createdAt,
        word);
  }
}
