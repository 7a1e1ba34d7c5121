package dev.abusedesk.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The durable outbox and the few other shared-work tables, in the store's database. Payloads are
 * opaque here: the notify package decides what they say.
 */
public interface Outbox {

  /**
   * A message to queue. Queuing the same receiver and dedup key twice queues it once.
   *
   * @param kind what the message is ({@code new_case}, {@code reminder}, ...): delivery folds a
   *     burst of one kind into a digest
   */
  record Enqueue(
      long caseId, String receiver, String dedupKey, String kind, String payload, Instant dueAt) {
    public Enqueue {
      Objects.requireNonNull(receiver, "receiver");
      Objects.requireNonNull(dedupKey, "dedupKey");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(payload, "payload");
      Objects.requireNonNull(dueAt, "dueAt");
    }
  }

  /** A claimed message, to be sent by the claimant. */
  record Item(
      long id,
      long caseId,
      String receiver,
      String dedupKey,
      String kind,
      String payload,
      int attempts,
      Instant createdAt) {}

  /**
   * A message as {@code outbox list} shows it.
   *
   * @param kind what the message is; empty for messages queued before kinds were stored
   * @param sentAs {@code digest} when it went out folded into a digest, else empty
   */
  record Entry(
      long id,
      long caseId,
      String receiver,
      String dedupKey,
      String kind,
      String sentAs,
      String status,
      int attempts,
      Instant createdAt,
      Instant dueAt,
      Instant sentAt,
      String lastError) {}

  /** How much waits: for health checks and metrics. */
  record Depth(int pending, int failed, Optional<Instant> oldestPending) {}

  /**
   * What to claim: one receiver's due messages, optionally of one kind only, never one whose
   * earlier message to the same receiver about the same case is still pending (so each receiver
   * sees a case's messages in order).
   */
  record Claim(
      String owner,
      String receiver,
      Optional<String> kind,
      Instant now,
      Duration lease,
      int limit) {
    public Claim {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(receiver, "receiver");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(now, "now");
      Objects.requireNonNull(lease, "lease");
    }
  }

  /**
   * How one receiver's queue stands: for health checks and metrics.
   *
   * @param oldestPending when the oldest undelivered message was queued
   * @param lastError the latest error of a pending or recently refused message, or empty
   * @param failedRecently messages refused for good within the window asked for
   */
  record Backlog(
      String receiver,
      int pending,
      Optional<Instant> oldestPending,
      String lastError,
      int failedRecently) {}

  String PENDING = "pending";
  String SENT = "sent";
  String FAILED = "failed";

  /** Queues messages; returns how many were new. */
  int enqueue(List<Enqueue> items);

  /** Abuse reports whose alerts have not been queued yet, oldest first. */
  List<StoredReport> unalerted(int limit);

  /** Queues a report's alerts and marks it alerted, in one transaction. */
  int alerted(long reportId, Instant at, List<Enqueue> items);

  /** Claims due messages for {@code claim.lease()}, oldest due first. */
  List<Item> claim(Claim claim);

  /** The receivers that have claimable messages at {@code now}. */
  Set<String> receiversDue(Instant now);

  /** How many messages of each kind {@code receiver} could claim at {@code now}. */
  Map<String, Integer> claimable(String receiver, Instant now);

  void sent(long id, Instant at);

  /** Marks claimed messages sent, folded together into one digest message. */
  void sentInDigest(List<Long> ids, Instant at);

  /** Gives claimed messages back unsent and untried, in the place in the queue they had. */
  void release(List<Long> ids);

  /** Gives a claimed message back unsent and untried, due at {@code dueAt}. */
  void release(long id, Instant dueAt);

  void retry(long id, Instant dueAt, String error);

  void failed(long id, Instant at, String error);

  /** Messages in the given statuses, newest first. */
  List<Entry> entries(Set<String> statuses, int limit);

  /** Every message about one case, in every status, oldest queued first: its timeline. */
  List<Entry> entriesFor(long caseId);

  Depth depth();

  /** Each receiver with pending messages or failures since {@code failedSince}. */
  List<Backlog> backlog(Instant failedSince);

  Optional<String> threadRef(long caseId, String receiver);

  /** Keeps the first reference only: the thread starts at the first message. */
  void keepThreadRef(long caseId, String receiver, String ref);

  /**
   * Takes (or renews) the lease of a periodic job: true when this owner may run it now. One owner
   * at a time across every instance sharing the database.
   */
  boolean lease(String job, String owner, Instant now, Duration lease);

  Optional<String> cursor(String name);

  void keepCursor(String name, String value, Instant at);
}
