package dev.abusedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.abusedesk.config.Contact;
import dev.abusedesk.config.Language;
import dev.abusedesk.report.Parsed;
import dev.abusedesk.report.Report;
import dev.abusedesk.testing.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store of customer notices does; each database runs these for real. */
public abstract class CustomerNoticesContract {

  private static final Instant NOW = Instant.parse("2025-11-10T00:00:00Z");
  private static final Instant DEADLINE = NOW.plus(Duration.ofHours(16));
  private static final String ACCOUNT = "123456789012";
  private static final Contact OPS = new Contact("ops@Acme.Example", Language.JA);
  private static final Contact SEC = new Contact("sec@acme.example", Language.EN);

  private final AtomicInteger spoolIds = new AtomicInteger();
  private SqlCaseStore store;
  private CustomerNotices notices;

  /** A store on one new, empty database, its schema up to date. */
  protected abstract SqlCaseStore newStore(Clock clock);

  @BeforeEach
  void open() {
    store = newStore(Clock.fixed(NOW, ZoneOffset.UTC));
    notices = new SqlCustomerNotices(store.database());
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** A case of its own, from a real report. */
  private long newCase(String fixture) {
    byte[] raw = Fixtures.bytes(fixture);
    Report report = ((Parsed.Read) Fixtures.parser().parse(raw, NOW)).reports().get(0);
    return ((Recorded.Opened)
            store.record(report, raw, "spool-" + spoolIds.incrementAndGet(), "pipe"))
        .caseNow()
        .id();
  }

  private long newCase() {
    return newCase("email/ec2-abuse-dos.eml");
  }

  private static CustomerAnswer ours(Instant at) {
    return new CustomerAnswer(
        CustomerAnswer.Verdict.OURS, " stopped the job\r\n", "rate limit", "", "Aiko", at);
  }

  private List<CaseEvent.Type> history(long caseId) {
    return store.history(caseId).stream().map(CaseEvent::type).toList();
  }

  @Test
  void opensOneNoticePerContactWithItsOwnLinkAndTheCustomersDeadline() {
    long caseId = newCase();

    List<CustomerNotice> opened = notices.open(caseId, ACCOUNT, List.of(OPS, SEC), DEADLINE, NOW);

    assertThat(opened).extracting(CustomerNotice::contact).containsExactly(OPS, SEC);
    assertThat(opened.get(0).contact().email()).isEqualTo("ops@acme.example");
    assertThat(opened)
        .allSatisfy(
            n -> {
              assertThat(n.caseId()).isEqualTo(caseId);
              assertThat(n.accountId()).isEqualTo(ACCOUNT);
              assertThat(n.linkId()).matches("[A-Za-z0-9_-]{43}");
              assertThat(n.notifiedAt()).isEqualTo(NOW);
              assertThat(n.deadline()).isEqualTo(DEADLINE);
              assertThat(n.status(NOW)).isEqualTo(CustomerState.NOTIFIED);
              assertThat(n.toString()).doesNotContain(n.linkId());
            });
    assertThat(opened.get(0).linkId()).isNotEqualTo(opened.get(1).linkId());
    assertThat(notices.forCase(caseId)).isEqualTo(opened);
    assertThat(notices.find(opened.get(1).id())).contains(opened.get(1));
    assertThat(store.history(caseId))
        .filteredOn(e -> e.type() == CaseEvent.Type.CUSTOMER_NOTIFIED)
        .extracting(CaseEvent::note)
        .containsExactly("ops@acme.example", "sec@acme.example");
  }

  @Test
  void openingAgainOpensOnlyTheContactsNotToldYet() {
    long caseId = newCase();
    notices.open(caseId, ACCOUNT, List.of(OPS), DEADLINE, NOW);

    List<CustomerNotice> again =
        notices.open(caseId, ACCOUNT, List.of(OPS, SEC), DEADLINE, NOW.plusSeconds(60));
    List<CustomerNotice> third =
        notices.open(caseId, ACCOUNT, List.of(SEC, OPS), DEADLINE, NOW.plusSeconds(120));

    assertThat(again).extracting(CustomerNotice::contact).containsExactly(SEC);
    assertThat(third).isEmpty();
    assertThat(notices.forCase(caseId)).hasSize(2);
    assertThat(history(caseId)).filteredOn(t -> t == CaseEvent.Type.CUSTOMER_NOTIFIED).hasSize(2);
  }

  @Test
  void theFirstAnswerWinsAndLaterOnesAreRefused() {
    long caseId = newCase();
    CustomerNotice notice = notices.open(caseId, ACCOUNT, List.of(OPS), DEADLINE, NOW).get(0);
    Instant at = NOW.plus(Duration.ofHours(2));

    boolean first = notices.answer(notice.id(), notice.linkId(), ours(at));
    boolean second =
        notices.answer(
            notice.id(),
            notice.linkId(),
            new CustomerAnswer(
                CustomerAnswer.Verdict.NOT_OURS, "", "", "", "Mallory", at.plusSeconds(1)));

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    CustomerNotice answered = notices.find(notice.id()).orElseThrow();
    assertThat(answered.answer()).contains(ours(at));
    assertThat(answered.answer().orElseThrow().stopped()).isEqualTo("stopped the job");
    assertThat(answered.status(DEADLINE.plusSeconds(1))).isEqualTo(CustomerState.ANSWERED);
    assertThat(store.history(caseId))
        .filteredOn(e -> e.type() == CaseEvent.Type.CUSTOMER_ANSWERED)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("ops@acme.example");
              assertThat(e.note()).isEqualTo("ours");
              assertThat(e.at()).isEqualTo(at);
            });
    assertThat(store.find(caseId).orElseThrow().updatedAt()).isEqualTo(at);
  }

  @Test
  void aRevokedNoticeTakesNoAnswerUntilItIsReissuedWithANewLink() {
    long caseId = newCase();
    CustomerNotice notice = notices.open(caseId, ACCOUNT, List.of(OPS), DEADLINE, NOW).get(0);

    notices.revoke(notice.id(), "alice", NOW.plusSeconds(10));
    notices.revoke(notice.id(), "alice", NOW.plusSeconds(20));
    boolean whileRevoked = notices.answer(notice.id(), notice.linkId(), ours(NOW.plusSeconds(30)));
    CustomerNotice reissued = notices.reissue(notice.id(), "bob", NOW.plusSeconds(40));
    boolean withTheOldLink =
        notices.answer(notice.id(), notice.linkId(), ours(NOW.plusSeconds(45)));
    boolean afterReissue =
        notices.answer(notice.id(), reissued.linkId(), ours(NOW.plusSeconds(50)));

    assertThat(whileRevoked).isFalse();
    // The old link's answer is refused even when its page was opened before the re-send.
    assertThat(withTheOldLink).isFalse();
    assertThat(reissued.linkId()).isNotEqualTo(notice.linkId()).matches("[A-Za-z0-9_-]{43}");
    assertThat(reissued.linkMatches(notice.linkId())).isFalse();
    assertThat(reissued.linkMatches(reissued.linkId())).isTrue();
    assertThat(reissued.revokedAt()).isEmpty();
    assertThat(reissued.lastRemindedAt()).contains(NOW.plusSeconds(40));
    assertThat(reissued.deadline()).isEqualTo(DEADLINE);
    assertThat(afterReissue).isTrue();
    assertThat(store.history(caseId))
        .filteredOn(e -> e.type().name().startsWith("CUSTOMER_LINK"))
        .extracting(CaseEvent::type, CaseEvent::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(CaseEvent.Type.CUSTOMER_LINK_REVOKED, "alice"),
            org.assertj.core.groups.Tuple.tuple(CaseEvent.Type.CUSTOMER_LINK_REISSUED, "bob"));
  }

  @Test
  void anUnknownNoticeIsNotFoundAnsweredOrReissued() {
    assertThat(notices.find(999)).isEmpty();
    assertThat(notices.answer(999, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", ours(NOW)))
        .isFalse();
    assertThatThrownBy(() -> notices.reissue(999, "alice", NOW))
        .isInstanceOf(NoSuchElementException.class);
    notices.revoke(999, "alice", NOW);
    notices.lateTold(999, NOW);
  }

  @Test
  void remindsWhileTheDeadlineIsAheadEveryIntervalSinceTheLastMail() {
    long caseId = newCase();
    List<CustomerNotice> opened = notices.open(caseId, ACCOUNT, List.of(OPS, SEC), DEADLINE, NOW);
    Duration every = Duration.ofHours(4);

    assertThat(notices.dueForReminder(NOW.plus(Duration.ofHours(3)), every)).isEmpty();
    assertThat(notices.dueForReminder(NOW.plus(every), every)).hasSize(2);

    notices.reminded(opened.get(0).id(), NOW.plus(every));
    notices.answer(opened.get(1).id(), opened.get(1).linkId(), ours(NOW.plus(every)));
    assertThat(notices.dueForReminder(NOW.plus(Duration.ofHours(7)), every)).isEmpty();
    assertThat(notices.dueForReminder(NOW.plus(Duration.ofHours(8)), every))
        .extracting(CustomerNotice::id)
        .containsExactly(opened.get(0).id());

    notices.revoke(opened.get(0).id(), "alice", NOW.plus(Duration.ofHours(9)));
    assertThat(notices.dueForReminder(NOW.plus(Duration.ofHours(12)), every)).isEmpty();
  }

  @Test
  void noReminderOnceTheCustomersDeadlineHasPassed() {
    long caseId = newCase();
    notices.open(caseId, ACCOUNT, List.of(OPS), DEADLINE, NOW);

    assertThat(notices.dueForReminder(DEADLINE, Duration.ofHours(4))).isEmpty();
  }

  @Test
  void aCaseRepliedToAwsChasesNoCustomerAndIsNotReadAgain() {
    long replied = newCase();
    long open = newCase("email/ts-port-scan.eml");
    CustomerNotice onReplied = notices.open(replied, ACCOUNT, List.of(OPS), DEADLINE, NOW).get(0);
    CustomerNotice onOpen = notices.open(open, ACCOUNT, List.of(OPS), DEADLINE, NOW).get(0);

    assertThat(store.move(replied, CaseStatus.REPLIED, "hanako", "", NOW.plusSeconds(1)))
        .isInstanceOf(Change.Done.class);

    assertThat(notices.dueForReminder(NOW.plus(Duration.ofHours(4)), Duration.ofHours(4)))
        .extracting(CustomerNotice::id)
        .containsExactly(onOpen.id());
    assertThat(notices.lateUntold(DEADLINE))
        .extracting(CustomerNotice::id)
        .containsExactly(onOpen.id())
        .doesNotContain(onReplied.id());
  }

  @Test
  void tellsTheTeamOfEachLateNoticeOnce() {
    long caseId = newCase();
    List<CustomerNotice> opened = notices.open(caseId, ACCOUNT, List.of(OPS, SEC), DEADLINE, NOW);
    notices.answer(opened.get(1).id(), opened.get(1).linkId(), ours(NOW.plusSeconds(60)));

    assertThat(notices.lateUntold(DEADLINE.minusMillis(1))).isEmpty();
    List<CustomerNotice> late = notices.lateUntold(DEADLINE);
    notices.lateTold(opened.get(0).id(), DEADLINE.plusSeconds(5));
    notices.lateTold(opened.get(0).id(), DEADLINE.plusSeconds(6));

    assertThat(late).extracting(CustomerNotice::id).containsExactly(opened.get(0).id());
    assertThat(late.get(0).status(DEADLINE)).isEqualTo(CustomerState.LATE);
    assertThat(notices.lateUntold(DEADLINE.plusSeconds(10))).isEmpty();
    assertThat(notices.find(opened.get(0).id()).orElseThrow().lateToldAt())
        .contains(DEADLINE.plusSeconds(5));
    assertThat(history(caseId)).filteredOn(t -> t == CaseEvent.Type.CUSTOMER_LATE).hasSize(1);
  }

  @Test
  void aRevokedNoticeIsNeverLate() {
    long caseId = newCase();
    CustomerNotice notice = notices.open(caseId, ACCOUNT, List.of(OPS), DEADLINE, NOW).get(0);
    notices.revoke(notice.id(), "alice", NOW.plusSeconds(1));

    assertThat(notices.lateUntold(DEADLINE.plusSeconds(1))).isEmpty();
    assertThat(notices.states(List.of(caseId), DEADLINE.plusSeconds(1)))
        .containsEntry(caseId, CustomerState.NOTIFIED);
  }

  @Test
  void aCaseShowsTheMostUrgentStateOfItsNotices() {
    long none = newCase("email/ec2-abuse-dos.eml");
    long answered = newCase("email/ec2-abuse-spam-eni.eml");
    long mixed = newCase("email/ec2-abuse-intrusion-qp.eml");
    notices.open(answered, ACCOUNT, List.of(OPS), DEADLINE, NOW);
    notices.answer(
        notices.forCase(answered).get(0).id(),
        notices.forCase(answered).get(0).linkId(),
        ours(NOW.plusSeconds(1)));
    notices.open(mixed, ACCOUNT, List.of(OPS, SEC), DEADLINE, NOW);
    notices.answer(
        notices.forCase(mixed).get(0).id(),
        notices.forCase(mixed).get(0).linkId(),
        ours(NOW.plusSeconds(1)));

    Map<Long, CustomerState> before = notices.states(List.of(none, answered, mixed), NOW);
    Map<Long, CustomerState> after = notices.states(List.of(none, answered, mixed), DEADLINE);

    assertThat(before)
        .containsExactly(
            Map.entry(none, CustomerState.NOT_NOTIFIED),
            Map.entry(answered, CustomerState.ANSWERED),
            Map.entry(mixed, CustomerState.NOTIFIED));
    assertThat(after).containsEntry(mixed, CustomerState.LATE);
    assertThat(after).containsEntry(answered, CustomerState.ANSWERED);
    assertThat(notices.states(List.of(), NOW)).isEmpty();
  }

  @Test
  void theHistoryReadsEveryCustomerEventBack() {
    long caseId = newCase();
    CustomerNotice notice = notices.open(caseId, ACCOUNT, List.of(OPS), DEADLINE, NOW).get(0);
    notices.revoke(notice.id(), "alice", NOW.plusSeconds(1));
    CustomerNotice reissued = notices.reissue(notice.id(), "alice", NOW.plusSeconds(2));
    notices.lateTold(notice.id(), DEADLINE);
    notices.answer(notice.id(), reissued.linkId(), ours(DEADLINE.plusSeconds(1)));

    assertThat(history(caseId))
        .containsSubsequence(
            CaseEvent.Type.CUSTOMER_NOTIFIED,
            CaseEvent.Type.CUSTOMER_LINK_REVOKED,
            CaseEvent.Type.CUSTOMER_LINK_REISSUED,
            CaseEvent.Type.CUSTOMER_LATE,
            CaseEvent.Type.CUSTOMER_ANSWERED);
  }
}
