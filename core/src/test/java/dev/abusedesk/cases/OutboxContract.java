package dev.abusedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.report.Parsed;
import dev.abusedesk.report.Report;
import dev.abusedesk.testing.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every outbox does; each implementation runs these against a real database. */
public abstract class OutboxContract {

  protected static final Instant NOW = Instant.parse("2025-11-10T00:00:00Z");

  protected CaseStore store;
  protected Outbox outbox;
  private long caseId;

  /** A store and its outbox on one new, empty database. */
  protected abstract CaseStore newStore(Clock clock);

  protected abstract Outbox outboxOf(CaseStore store);

  @BeforeEach
  void open() {
    store = newStore(Clock.fixed(NOW, ZoneOffset.UTC));
    outbox = outboxOf(store);
    byte[] raw = Fixtures.bytes("email/ts-port-scan.eml");
    Report report = ((Parsed.Read) Fixtures.parser().parse(raw, NOW)).reports().get(0);
    caseId = ((Recorded.Opened) store.record(report, raw, "s1", "pipe")).caseNow().id();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Outbox.Enqueue item(String receiver, String key, Instant due) {
    return item(receiver, key, "new_case", due);
  }

  private Outbox.Enqueue item(String receiver, String key, String kind, Instant due) {
    return new Outbox.Enqueue(caseId, receiver, key, kind, "{\"k\":\"" + key + "\"}", due);
  }

  private Outbox.Enqueue itemOf(long otherCase, String receiver, String key, String kind) {
    return new Outbox.Enqueue(otherCase, receiver, key, kind, "{}", NOW);
  }

  private List<Outbox.Item> claim(String owner, String receiver, Instant now, int limit) {
    return outbox.claim(
        new Outbox.Claim(
            owner, receiver, java.util.Optional.empty(), now, Duration.ofMinutes(1), limit));
  }

  private long anotherCase() {
    byte[] raw = Fixtures.bytes("email/ec2-abuse-dos.eml");
    Report report = ((Parsed.Read) Fixtures.parser().parse(raw, NOW)).reports().get(0);
    return ((Recorded.Opened) store.record(report, raw, "s2", "pipe")).caseNow().id();
  }

  @Test
  void queuesEachReceiverAndKeyOnce() {
    int first =
        outbox.enqueue(List.of(item("slack", "report:1", NOW), item("teams", "report:1", NOW)));
    int again = outbox.enqueue(List.of(item("slack", "report:1", NOW)));

    assertThat(first).isEqualTo(2);
    assertThat(again).isZero();
    assertThat(outbox.depth().pending()).isEqualTo(2);
  }

  @Test
  void hasACaseReportAlertedOnlyOnce() {
    StoredReport report = outbox.unalerted(10).get(0);

    int queued = outbox.alerted(report.id(), NOW, List.of(item("slack", "report:x", NOW)));
    int twice = outbox.alerted(report.id(), NOW, List.of(item("slack", "report:y", NOW)));

    assertThat(queued).isEqualTo(1);
    assertThat(twice).isZero();
    assertThat(outbox.unalerted(10)).isEmpty();
  }

  @Test
  void handsOutACasesMessagesToOneReceiverInOrder() {
    outbox.enqueue(
        List.of(item("slack", "a", NOW), item("slack", "b", NOW), item("teams", "a", NOW)));

    List<Outbox.Item> first = claim("one", "slack", NOW, 10);
    assertThat(first)
        .extracting(Outbox.Item::receiver, Outbox.Item::dedupKey)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("slack", "a"));
    assertThat(claim("one", "teams", NOW, 10))
        .extracting(Outbox.Item::dedupKey)
        .containsExactly("a");

    outbox.sent(first.get(0).id(), NOW);
    List<Outbox.Item> next = claim("one", "slack", NOW, 10);
    assertThat(next).extracting(Outbox.Item::dedupKey).containsExactly("b");
  }

  @Test
  void letsAnotherInstanceTakeOverWhenALeaseExpires() {
    outbox.enqueue(List.of(item("slack", "a", NOW)));

    List<Outbox.Item> dead = claim("dead", "slack", NOW, 10);
    List<Outbox.Item> whileLeased = claim("alive", "slack", NOW.plusSeconds(30), 10);
    List<Outbox.Item> afterLease = claim("alive", "slack", NOW.plusSeconds(61), 10);

    assertThat(dead).hasSize(1);
    assertThat(whileLeased).isEmpty();
    assertThat(afterLease).extracting(Outbox.Item::id).containsExactly(dead.get(0).id());
  }

  @Test
  void keepsRetriesDueLaterAndRecordsFailuresWithTheirReason() {
    outbox.enqueue(List.of(item("slack", "a", NOW), item("teams", "a", NOW)));
    Outbox.Item slack = claim("one", "slack", NOW, 10).get(0);
    Outbox.Item teams = claim("one", "teams", NOW, 10).get(0);

    outbox.retry(slack.id(), NOW.plusSeconds(30), "HTTP 503");
    outbox.failed(teams.id(), NOW, "HTTP 404 no_service");

    assertThat(claim("one", "slack", NOW.plusSeconds(10), 10)).isEmpty();
    assertThat(claim("one", "slack", NOW.plusSeconds(31), 10))
        .singleElement()
        .satisfies(i -> assertThat(i.attempts()).isEqualTo(1));
    assertThat(outbox.entries(Set.of(Outbox.FAILED), 10))
        .singleElement()
        .satisfies(e -> assertThat(e.lastError()).isEqualTo("HTTP 404 no_service"));
    assertThat(outbox.depth().failed()).isEqualTo(1);
  }

  @Test
  void neverHandsOneMessageToTwoConcurrentClaimants() throws Exception {
    List<Outbox.Enqueue> items = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      items.add(item("r" + (i % 20), "k" + i, NOW));
    }
    outbox.enqueue(items);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      String owner = "w" + w;
      workers.add(
          pool.submit(
              () -> {
                Set<String> due;
                while (!(due = outbox.receiversDue(NOW)).isEmpty()) {
                  for (String receiver : due) {
                    for (Outbox.Item i : claim(owner, receiver, NOW, 7)) {
                      claimed.add(i.id());
                      outbox.sent(i.id(), NOW);
                    }
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : workers) {
      f.get();
    }
    pool.shutdown();

    assertThat(claimed).hasSize(200);
    assertThat(new HashSet<>(claimed)).hasSize(200);
  }

  @Test
  void countsWhatEachReceiverCouldClaimByKind() {
    long other = anotherCase();
    outbox.enqueue(
        List.of(
            item("slack", "a", "new_case", NOW),
            item("slack", "b", "update", NOW),
            itemOf(other, "slack", "c", "new_case"),
            item("teams", "a", "reminder", NOW.plusSeconds(60))));

    // The update waits behind its case's new-case alert: not claimable yet.
    assertThat(outbox.claimable("slack", NOW)).containsExactly(Map.entry("new_case", 2));
    assertThat(outbox.claimable("teams", NOW)).isEmpty();
    assertThat(outbox.receiversDue(NOW)).containsExactly("slack");
    assertThat(outbox.receiversDue(NOW.plusSeconds(60))).containsExactly("slack", "teams");
  }

  @Test
  void claimsOneKindForADigestAndMarksThemSentTogether() {
    long other = anotherCase();
    outbox.enqueue(
        List.of(
            item("slack", "a", "new_case", NOW),
            itemOf(other, "slack", "c", "new_case"),
            item("slack", "r", "reminder", NOW)));

    List<Outbox.Item> folded =
        outbox.claim(
            new Outbox.Claim(
                "one",
                "slack",
                java.util.Optional.of("new_case"),
                NOW,
                Duration.ofMinutes(1),
                100));
    outbox.sentInDigest(folded.stream().map(Outbox.Item::id).toList(), NOW);

    assertThat(folded).extracting(Outbox.Item::kind).containsOnly("new_case").hasSize(2);
    assertThat(outbox.entries(Set.of(Outbox.SENT), 10))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.sentAs()).isEqualTo("digest"));
    // The case's reminder was behind its new-case alert; now it may go.
    assertThat(claim("one", "slack", NOW, 10))
        .extracting(Outbox.Item::kind)
        .containsExactly("reminder");
  }

  @Test
  void listsEveryMessageOfOneCaseWithItsKindOldestFirstHoweverManyOthersThereAre() {
    long other = anotherCase();
    List<Outbox.Enqueue> others = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      others.add(itemOf(other, "slack", "noise" + i, "reminder"));
    }
    outbox.enqueue(List.of(item("slack", "a", "new_case", NOW)));
    outbox.enqueue(others);
    outbox.enqueue(List.of(item("teams", "r", "reminder", NOW), item("slack", "u", "update", NOW)));
    Outbox.Item teams = claim("one", "teams", NOW, 10).get(0);
    outbox.failed(teams.id(), NOW, "HTTP 404 no_service");
    List<Outbox.Item> alert = claim("one", "slack", NOW, 1);
    outbox.sentInDigest(alert.stream().map(Outbox.Item::id).toList(), NOW.plusSeconds(1));

    List<Outbox.Entry> entries = outbox.entriesFor(caseId);

    assertThat(entries)
        .extracting(Outbox.Entry::dedupKey, Outbox.Entry::kind, Outbox.Entry::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "new_case", Outbox.SENT),
            org.assertj.core.groups.Tuple.tuple("r", "reminder", Outbox.FAILED),
            org.assertj.core.groups.Tuple.tuple("u", "update", Outbox.PENDING));
    assertThat(entries.get(0).sentAs()).isEqualTo("digest");
    assertThat(entries.get(0).sentAt()).isEqualTo(NOW.plusSeconds(1));
    assertThat(entries.get(1).lastError()).isEqualTo("HTTP 404 no_service");
    assertThat(entries.get(2).sentAs()).isEmpty();
    assertThat(outbox.entriesFor(other)).hasSize(300);
    assertThat(outbox.entriesFor(other + 1000)).isEmpty();
  }

  @Test
  void releasedMessagesKeepTheirPlaceInTheQueue() {
    long other = anotherCase();
    outbox.enqueue(List.of(item("slack", "a", NOW), itemOf(other, "slack", "b", "new_case")));
    outbox.enqueue(List.of(item("slack", "late", "update", NOW.plusSeconds(5))));

    List<Outbox.Item> first = claim("one", "slack", NOW, 10);
    outbox.release(first.stream().map(Outbox.Item::id).toList());

    assertThat(claim("two", "slack", NOW.plusSeconds(10), 10))
        .extracting(Outbox.Item::dedupKey)
        .containsExactly("a", "b");
  }

  @Test
  void tellsEachReceiversBacklogWithItsOldestMessageAndLastError() {
    long other = anotherCase();
    outbox.enqueue(List.of(item("slack", "a", NOW), item("teams", "a", NOW)));
    outbox.enqueue(List.of(itemOf(other, "slack", "b", "new_case")));
    Outbox.Item slack = claim("one", "slack", NOW, 1).get(0);
    outbox.retry(slack.id(), NOW.plusSeconds(30), "HTTP 429 rate_limited");
    Outbox.Item teams = claim("one", "teams", NOW, 1).get(0);
    outbox.failed(teams.id(), NOW.plusSeconds(1), "HTTP 404 no_service");

    assertThat(outbox.backlog(NOW.minusSeconds(3600)))
        .containsExactly(
            new Outbox.Backlog("slack", 2, java.util.Optional.of(NOW), "HTTP 429 rate_limited", 0),
            new Outbox.Backlog("teams", 0, java.util.Optional.empty(), "HTTP 404 no_service", 1));
    assertThat(outbox.backlog(NOW.plusSeconds(2)))
        .extracting(Outbox.Backlog::receiver)
        .containsExactly("slack");
  }

  @Test
  void keepsTheFirstThreadReference() {
    outbox.keepThreadRef(caseId, "slack", "1700000000.000100");
    outbox.keepThreadRef(caseId, "slack", "1700000000.000200");

    assertThat(outbox.threadRef(caseId, "slack")).hasValue("1700000000.000100");
    assertThat(outbox.threadRef(caseId, "teams")).isEmpty();
  }

  @Test
  void givesAJobToOneOwnerAtATime() {
    assertThat(outbox.lease("remind", "a", NOW, Duration.ofSeconds(30))).isTrue();
    assertThat(outbox.lease("remind", "b", NOW.plusSeconds(10), Duration.ofSeconds(30))).isFalse();
    assertThat(outbox.lease("remind", "a", NOW.plusSeconds(20), Duration.ofSeconds(30))).isTrue();
    assertThat(outbox.lease("remind", "b", NOW.plusSeconds(51), Duration.ofSeconds(30))).isTrue();
  }

  @Test
  void remembersWhereAJobLeftOff() {
    outbox.keepCursor("imap:INBOX", "uidvalidity=7;uid=41", NOW);
    outbox.keepCursor("imap:INBOX", "uidvalidity=7;uid=42", NOW);

    assertThat(outbox.cursor("imap:INBOX")).hasValue("uidvalidity=7;uid=42");
    assertThat(outbox.cursor("health")).isEmpty();
  }
}
