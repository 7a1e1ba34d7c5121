package dev.abusedesk.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The durable outbox and the few other shared-work tables, in the store's database. Payloads are
 * opaque here: the notify package decides what they say.
 */
public interface Outbox {

  /** A message to queue. Queuing the same receiver and dedup key twice queues it once. */
  record Enqueue(long caseId, String receiver, String dedupKey, String payload, Instant dueAt) {
    public Enqueue {
      Objects.requireNonNull(receiver, "receiver");
      Objects.requireNonNull(dedupKey, "dedupKey");
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
      String payload,
      int attempts,
      Instant createdAt) {}

  /** A message as {@code outbox list} shows it. */
  record Entry(
      long id,
      long caseId,
      String receiver,
      String dedupKey,
      String status,
      int attempts,
      Instant createdAt,
      Instant dueAt,
      Instant sentAt,
      String lastError) {}

  /** How much waits: for health checks and metrics. */
  record Depth(int pending, int failed, Optional<Instant> oldestPending) {}

  String PENDING = "pending";
  String SENT = "sent";
  String FAILED = "failed";

  /** Queues messages; returns how many were new. */
  int enqueue(List<Enqueue> items);

  /** Abuse reports whose alerts have not been queued yet, oldest first. */
  List<StoredReport> unalerted(int limit);

  /** Queues a report's alerts and marks it alerted, in one transaction. */
  int alerted(long reportId, Instant at, List<Enqueue> items);

  /**
   * Claims due messages for {@code lease}: never one whose earlier message to the same receiver
   * about the same case is still pending, so each receiver sees a case's messages in order.
   */
  List<Item> claim(String owner, Instant now, Duration lease, int limit);

  void sent(long id, Instant at);

  /** Gives a claimed message back unsent and untried, due at {@code dueAt}. */
  void release(long id, Instant dueAt);

  void retry(long id, Instant dueAt, String error);

  void failed(long id, Instant at, String error);

  /** Messages in the given statuses, newest first. */
  List<Entry> entries(Set<String> statuses, int limit);

  Depth depth();

  /** When the earliest pending message is due, if any: the delivery loop sleeps until then. */
  Optional<Instant> nextDue();

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
