package dev.abusedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.report.Category;
import dev.abusedesk.report.Parsed;
import dev.abusedesk.report.Report;
import dev.abusedesk.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every case store does; each implementation runs these against a real database. */
public abstract class CaseStoreContract {

  protected static final Instant NOW = Instant.parse("2025-11-10T00:00:00Z");

  private final AtomicInteger spoolIds = new AtomicInteger();
  protected CaseStore store;

  /** A new store on an empty database. */
  protected abstract CaseStore newStore(Clock clock);

  @BeforeEach
  void openStore() {
    store = newStore(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  protected Recorded ingest(String fixture) {
    return ingest(Fixtures.bytes(fixture));
  }

  protected Recorded ingest(byte[] raw) {
    Parsed parsed = Fixtures.parser().parse(raw, NOW);
    assertThat(parsed).isInstanceOf(Parsed.Read.class);
    Report report = ((Parsed.Read) parsed).reports().get(0);
    return store.record(report, raw, "spool-" + spoolIds.incrementAndGet(), "pipe");
  }

  static final List<String> SHARED =
      List.of(
          "email/ec2-abuse-dos.eml",
          "health/abuse-dos.json",
          "health/abuse-dos-sns-envelope.json",
          "health/abuse-dos-closed.json",
          "email/ec2-abuse-closed.eml",
          "email/ts-port-scan.eml",
          "email/ts-reminder.eml",
          "email/ts-final-notification.eml",
          "email/ec2-abuse-spam-eni.eml",
          "email/not-abuse-billing.eml",
          "health/ec2-maintenance.json");

  @Test
  void datesACaseByItsEarliestReportNotByWhenItWasRecorded() {
    // A backfill, the later mail first: AWS reported the case weeks before it was recorded here.
    ingest("email/ec2-abuse-closed.eml");
    Recorded dos = ingest("email/ec2-abuse-dos.eml");
    long id = ((Recorded.Joined) dos).caseNow().id();

    Case listed = only(store.list(CaseQuery.all()), "20816735");
    Case found = store.find(id).orElseThrow();

    Instant earliest =
        store.reports(id).stream().map(r -> r.report().receivedAt()).min(Instant::compareTo).get();
    assertThat(earliest).isBefore(Instant.parse("2025-10-15T00:00:00Z"));
    assertThat(listed.reportedAt()).isEqualTo(earliest);
    assertThat(found.reportedAt()).isEqualTo(earliest);
    assertThat(found.openedAt()).isEqualTo(NOW);
  }

  @Test
  void namesTheFirstReportRecordedAndTheLatestAwsSent() {
    // A backfill, the later mail first: recorded first, yet the latest AWS sent.
    Recorded.Opened closed = (Recorded.Opened) ingest("email/ec2-abuse-closed.eml");
    Recorded.Joined dos = (Recorded.Joined) ingest("email/ec2-abuse-dos.eml");
    long id = dos.caseNow().id();

    assertThat(store.firstReportId(id)).hasValue(closed.reportId());
    assertThat(store.latestReport(id).map(StoredReport::id)).contains(closed.reportId());
    assertThat(store.latestReport(id)).contains(store.reports(id).get(1));
    assertThat(store.firstReportId(id + 1)).isEmpty();
    assertThat(store.latestReport(id + 1)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void joinsTheSharedFixturesIntoTheSameCasesInAnyOrder(long seed) {
    List<String> order = new ArrayList<>(SHARED);
    Collections.shuffle(order, new Random(seed));
    order.forEach(this::ingest);
    order.forEach(this::ingest); // every one again: re-deliveries add nothing

    List<Case> cases = store.list(CaseQuery.all());
    Case dos = only(cases, "20816735");
    assertThat(dos.status()).isEqualTo(CaseStatus.CLOSED_BY_AWS);
    assertThat(dos.category()).isEqualTo(Category.DOS);
    assertThat(dos.reports()).isEqualTo(4);
    assertThat(dos.accounts()).containsExactly("111122223333");
    assertThat(dos.resources()).containsExactly("i-0a1b2c3d4e5f60718");
    assertThat(dos.awsCaseIds())
        .contains(
            "20816735",
            "arn:aws:health:ap-northeast-1::event/ABUSE/AWS_ABUSE_DOS_REPORT/AWS_ABUSE_DOS_REPORT_3c1f9a2b");
    assertThat(dos.deadline()).isNull();

    Case portScan = only(cases, "11983634034-1");
    assertThat(portScan.reports()).isEqualTo(2);
    assertThat(portScan.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(portScan.deadline()).isEqualTo(Instant.parse("2025-11-04T14:02:19Z"));
    assertThat(portScan.overdue(NOW)).isTrue();

    assertThat(cases).hasSize(4);
    assertThat(store.unrelated(10)).hasSize(2);
  }

  private static Case only(List<Case> cases, String awsCaseId) {
    List<Case> matching = cases.stream().filter(c -> c.awsCaseIds().contains(awsCaseId)).toList();
    assertThat(matching).as("cases naming %s", awsCaseId).hasSize(1);
    return matching.get(0);
  }

  @Test
  void recognisesTheSameMessageIdFromTheSameSenderAsARedelivery() {
    byte[] original = Fixtures.bytes("email/ts-port-scan.eml");
    byte[] relayed =
        ("Received: from relay.example by mx.example; Mon, 03 Nov 2025 14:05:00 +0000\r\n"
                + new String(original, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);

    Recorded first = ingest(original);
    Recorded second = ingest(relayed);

    assertThat(first).isInstanceOf(Recorded.Opened.class);
    assertThat(second).isInstanceOf(Recorded.Redelivery.class);
    assertThat(store.list(CaseQuery.all()).get(0).reports()).isEqualTo(1);
  }

  @Test
  void dropsTheBackupRegionCopyOfAGlobalHealthEventAsARedelivery() {
    // Global events are delivered in us-east-1 and again, flagged backupEvent, in us-west-2.
    String primary =
        new String(Fixtures.bytes("health/abuse-copyright-global.json"), StandardCharsets.UTF_8);
    String backup =
        primary
            .replace("7bf73129-1428-4cd3-a780-95db273d1602", "0d5e8f3a-95b1-4c1e-8f0a-3c2d1e0f9a8b")
            .replace("\"region\": \"global\"", "\"region\": \"us-west-2\"")
            .replace("\"page\": \"1\",", "\"backupEvent\": true,\n    \"page\": \"1\",");
    assertThat(backup).contains("backupEvent").contains("us-west-2");

    Recorded first = ingest(backup.getBytes(StandardCharsets.UTF_8));
    Recorded second = ingest(primary.getBytes(StandardCharsets.UTF_8));

    assertThat(first).isInstanceOf(Recorded.Opened.class);
    assertThat(second).isInstanceOf(Recorded.Redelivery.class);
    assertThat(store.list(CaseQuery.all())).hasSize(1);
    assertThat(store.list(CaseQuery.all()).get(0).reports()).isEqualTo(1);
  }

  @Test
  void recordsOneSpooledMessageOnceHoweverOftenItIsOffered() {
    byte[] raw = Fixtures.bytes("email/ec2-abuse-dos.eml");
    Report report = ((Parsed.Read) Fixtures.parser().parse(raw, NOW)).reports().get(0);

    Recorded first = store.record(report, raw, "same-spool-id", "pipe");
    Recorded again = store.record(report, raw, "same-spool-id", "pipe");

    assertThat(first).isInstanceOf(Recorded.Opened.class);
    assertThat(again).isInstanceOf(Recorded.AlreadyRecorded.class);
    assertThat(store.isRecorded("same-spool-id")).isTrue();
    assertThat(store.isRecorded("other")).isFalse();
  }

  @Test
  void mergesThePagesOfOneHealthEventIntoOneReport() {
    String page1 =
        new String(Fixtures.bytes("health/abuse-dos-paged-1-of-2.json"), StandardCharsets.UTF_8);
    String page2 =
        page1
            .replace("\"page\": \"1\"", "\"page\": \"2\"")
            .replace("77aa00bb11cc22dd33ee44ff55667788-1", "77aa00bb11cc22dd33ee44ff55667788-2")
            .replace("i-01212121212120001", "i-01212121212120003")
            .replace("i-01212121212120002", "i-01212121212120004");

    Recorded first = ingest(page1.getBytes(StandardCharsets.UTF_8));
    Recorded second = ingest(page2.getBytes(StandardCharsets.UTF_8));

    assertThat(second).isInstanceOf(Recorded.PageMerged.class);
    Case merged = ((Recorded.PageMerged) second).caseNow();
    assertThat(merged.id()).isEqualTo(((Recorded.Opened) first).caseNow().id());
    assertThat(merged.reports()).isEqualTo(1);
    assertThat(merged.resources())
        .containsExactly(
            "i-01212121212120001",
            "i-01212121212120002",
            "i-01212121212120003",
            "i-01212121212120004");
    assertThat(store.reports(merged.id()).get(0).report().resources()).hasSize(4);
  }

  @Test
  void keepsMailThatIsNotAboutAbuseWithoutOpeningACase() {
    Recorded recorded = ingest("email/not-abuse-billing.eml");

    assertThat(recorded).isInstanceOf(Recorded.Unrelated.class);
    assertThat(store.list(CaseQuery.all())).isEmpty();
    assertThat(store.unrelated(10)).singleElement().satisfies(r -> assertThat(r.caseId()).isNull());
    long id = ((Recorded.Unrelated) recorded).reportId();
    assertThat(store.raw(id)).hasValue(Fixtures.bytes("email/not-abuse-billing.eml"));
  }

  @Test
  void joinsAcrossChannelsOnACommonResourceOnlyWithinTwelveHours() {
    String health =
        new String(Fixtures.bytes("health/abuse-org-view.json"), StandardCharsets.UTF_8)
            .replace("222233334444", "444455556666")
            .replace("i-0123456789abcdef1", "i-09f8e7d6c5b4a3921");
    String sixHoursLater =
        health.replace("Mon, 27 Oct 2025 08:40:02 GMT", "Thu, 16 Oct 2025 04:05:11 GMT");
    String twoDaysLater =
        health
            .replace("77aa01", "99cc03")
            .replace("Mon, 27 Oct 2025 08:40:02 GMT", "Fri, 17 Oct 2025 22:05:11 GMT");

    Recorded mail = ingest("email/ec2-abuse-spam-eni.eml"); // 2025-10-15T22:05:11Z
    Recorded near = ingest(sixHoursLater.getBytes(StandardCharsets.UTF_8));
    Recorded far = ingest(twoDaysLater.getBytes(StandardCharsets.UTF_8));

    assertThat(near).isInstanceOf(Recorded.Joined.class);
    assertThat(((Recorded.Joined) near).caseNow().id())
        .isEqualTo(((Recorded.Opened) mail).caseNow().id());
    assertThat(far).isInstanceOf(Recorded.Opened.class);
  }

  @Test
  void keepsTwoAwsCasesAboutTheSameInstanceApart() {
    String other =
        new String(Fixtures.bytes("email/ec2-abuse-dos.eml"), StandardCharsets.UTF_8)
            .replace("20816735", "20816999")
            .replace("0100018f2a1b2c3d", "0100018f2a1b9999");

    Recorded first = ingest("email/ec2-abuse-dos.eml");
    Recorded second = ingest(other.getBytes(StandardCharsets.UTF_8));

    assertThat(first).isInstanceOf(Recorded.Opened.class);
    assertThat(second).isInstanceOf(Recorded.Opened.class);
  }

  @Test
  void movesACaseAlongTheWorkflowAndKeepsWhoDidWhatWhen() {
    long id = ((Recorded.Opened) ingest("email/ts-port-scan.eml")).caseNow().id();
    Instant ackAt = Instant.parse("2025-11-03T15:00:00Z");
    Instant replyAt = Instant.parse("2025-11-03T16:00:00Z");

    Change ack = store.move(id, CaseStatus.ACKNOWLEDGED, "hanako", "taking it", ackAt);
    Change replied = store.move(id, CaseStatus.REPLIED, "hanako", "first reply sent", replyAt);
    Change back = store.move(id, CaseStatus.OPEN, "taro", "", replyAt);
    store.note(id, "taro", "SG egress closed on port 22", replyAt);

    assertThat(ack).isInstanceOf(Change.Done.class);
    Case after = ((Change.Done) replied).caseNow();
    assertThat(after.status()).isEqualTo(CaseStatus.REPLIED);
    assertThat(after.acknowledgedBy()).isEqualTo("hanako");
    assertThat(after.acknowledgedAt()).isEqualTo(ackAt);
    assertThat(after.repliedAt()).isEqualTo(replyAt);
    assertThat(after.deadline()).isNull();
    assertThat(after.overdue(NOW)).isFalse();
    assertThat(back).isEqualTo(new Change.NotAllowed(CaseStatus.REPLIED, CaseStatus.OPEN));
    assertThat(store.history(id))
        .extracting(CaseEvent::type, CaseEvent::actor, CaseEvent::toStatus, CaseEvent::note)
        .containsSubsequence(
            org.assertj.core.groups.Tuple.tuple(
                CaseEvent.Type.STATUS, "hanako", CaseStatus.ACKNOWLEDGED, "taking it"),
            org.assertj.core.groups.Tuple.tuple(
                CaseEvent.Type.STATUS, "hanako", CaseStatus.REPLIED, "first reply sent"),
            org.assertj.core.groups.Tuple.tuple(
                CaseEvent.Type.NOTE, "taro", null, "SG egress closed on port 22"));
  }

  @Test
  void aReminderAfterTheReplyMakesAReplyDueAgain() {
    long id = ((Recorded.Opened) ingest("email/ts-port-scan.eml")).caseNow().id();
    store.move(id, CaseStatus.REPLIED, "hanako", "", Instant.parse("2025-11-04T10:00:00Z"));

    Recorded reminder = ingest("email/ts-reminder.eml"); // sent 2025-11-04T15:10:00Z

    Case now = ((Recorded.Joined) reminder).caseNow();
    assertThat(now.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(now.deadline()).isEqualTo(Instant.parse("2025-11-05T15:10:00Z"));
  }

  @Test
  void aReminderSentBeforeTheReplyDoesNotReopenTheCase() {
    long id = ((Recorded.Opened) ingest("email/ts-port-scan.eml")).caseNow().id();
    store.move(id, CaseStatus.REPLIED, "hanako", "", Instant.parse("2025-11-04T16:00:00Z"));

    Recorded reminder = ingest("email/ts-reminder.eml"); // sent 2025-11-04T15:10:00Z

    assertThat(((Recorded.Joined) reminder).caseNow().status()).isEqualTo(CaseStatus.REPLIED);
  }

  /** {@code fixture} as it arrived with {@code results} as its trusted server's verdict. */
  private static byte[] withResults(String fixture, String results) {
    return withHeader(fixture, Fixtures.FIXTURE_MTA + "; " + results);
  }

  /** {@code fixture} with {@code value} as its only Authentication-Results header. */
  private static byte[] withHeader(String fixture, String value) {
    String mail = new String(Fixtures.bytes(fixture), java.nio.charset.StandardCharsets.UTF_8);
    String replaced =
        mail.replaceFirst(
            "(?s)Authentication-Results:.*?\\n(?=\\S)",
            java.util.regex.Matcher.quoteReplacement("Authentication-Results: " + value + "\n"));
    return replaced.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aClosingMailThatIsNotVerifiedLeavesTheCaseOpenUntilAPersonConfirms() {
    long id = ((Recorded.Opened) ingest("email/ec2-abuse-dos.eml")).caseNow().id();

    // A header the sender wrote itself: no trusted server checked this mail.
    Recorded closing =
        ingest(withHeader("email/ec2-abuse-closed.eml", "mx.attacker.example; dkim=pass"));

    Case stillOpen = ((Recorded.Joined) closing).caseNow();
    assertThat(stillOpen.id()).isEqualTo(id);
    assertThat(stillOpen.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(stillOpen.deadline()).isNotNull();
    assertThat(store.history(id))
        .anySatisfy(
            e -> assertThat(e.note()).startsWith("AWS says closed, not verified (no Authentic"));

    Change confirmed = store.confirmAwsClosed(id, "hanako", NOW);

    assertThat(((Change.Done) confirmed).caseNow().status()).isEqualTo(CaseStatus.CLOSED_BY_AWS);
    assertThat(store.history(id)).last().satisfies(e -> assertThat(e.actor()).isEqualTo("hanako"));
    assertThat(store.confirmAwsClosed(id, "hanako", NOW)).isInstanceOf(Change.NotAllowed.class);
  }

  @Test
  void aVerifiedClosingMailClosesTheCase() {
    ingest("email/ec2-abuse-dos.eml");

    Recorded closing = ingest("email/ec2-abuse-closed.eml");

    assertThat(((Recorded.Joined) closing).caseNow().status()).isEqualTo(CaseStatus.CLOSED_BY_AWS);
  }

  @Test
  void aForgedMailNamingARealCaseNumberOpensACaseOfItsOwn() {
    long real = ((Recorded.Opened) ingest("email/ec2-abuse-dos.eml")).caseNow().id();

    Recorded forgedFollowUp =
        ingest(withResults("email/ec2-abuse-followup.eml", "dkim=fail header.d=amazon.com"));
    Recorded forgedClosing =
        ingest(
            withResults(
                "email/ec2-abuse-closed.eml", "dkim=none; dmarc=fail header.from=amazon.com"));

    assertThat(forgedFollowUp).isInstanceOf(Recorded.Opened.class);
    assertThat(forgedClosing).isInstanceOf(Recorded.Opened.class);
    assertThat(store.find(real).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
    assertThat(store.find(real).orElseThrow().reports()).isEqualTo(1);
  }

  @Test
  void aForgedMailFirstLeavesNoCaseNumberForTheRealOneToJoin() {
    long forged =
        ((Recorded.Opened)
                ingest(withResults("email/ec2-abuse-dos.eml", "dkim=fail header.d=amazon.com")))
            .caseNow()
            .id();

    Recorded again =
        ingest(
            new String(
                    withResults("email/ec2-abuse-dos.eml", "dkim=fail header.d=amazon.com"),
                    java.nio.charset.StandardCharsets.UTF_8)
                .replace("20816735", "20816799")
                .replace("0100018f2a1b2c3d", "0100018f2a1b9999")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Recorded real = ingest("email/ec2-abuse-followup.eml");

    // Same account and instance, yet neither the second forgery nor the real mail joins it.
    assertThat(again).isInstanceOf(Recorded.Opened.class);
    assertThat(real).isInstanceOf(Recorded.Opened.class);
    assertThat(((Recorded.Opened) real).caseNow().id()).isNotEqualTo(forged);
  }

  private static byte[] teamReply() {
    try (java.io.InputStream in =
        CaseStoreContract.class.getResourceAsStream("team-reply-bcc.eml")) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theTeamsReplyBccdToTheIntakeMarksTheCaseReplied() {
    long id = ((Recorded.Opened) ingest("email/ec2-abuse-dos.eml")).caseNow().id();

    Recorded reply = ingest(teamReply());

    assertThat(reply).isInstanceOf(Recorded.TeamReply.class);
    Recorded.TeamReply teamReply = (Recorded.TeamReply) reply;
    assertThat(teamReply.caseNow().id()).isEqualTo(id);
    assertThat(teamReply.statusBefore()).isEqualTo(CaseStatus.OPEN);
    assertThat(teamReply.caseNow().status()).isEqualTo(CaseStatus.REPLIED);
    assertThat(teamReply.caseNow().deadline()).isNull();
    assertThat(teamReply.sender()).isEqualTo("Taro Yamada <taro.yamada@example.co.jp>");
    assertThat(store.reports(id)).hasSize(1);
    assertThat(store.history(id))
        .extracting(CaseEvent::type, CaseEvent::actor, CaseEvent::toStatus)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                CaseEvent.Type.STATUS,
                "Taro Yamada <taro.yamada@example.co.jp>",
                CaseStatus.REPLIED));
  }

  @Test
  void aReplyToAMailOfNoCaseMovesNothing() {
    Recorded reply = ingest(teamReply());

    // What the parser makes of it otherwise (its subject and quote read like AWS) is its business.
    assertThat(reply).isNotInstanceOf(Recorded.TeamReply.class);
  }

  @Test
  void aReplyAfterTheCaseWasRepliedIsANoteAndMovesNothing() {
    long id = ((Recorded.Opened) ingest("email/ec2-abuse-dos.eml")).caseNow().id();
    store.move(id, CaseStatus.MITIGATED, "hanako", "", NOW);

    Recorded.TeamReply reply = (Recorded.TeamReply) ingest(teamReply());

    assertThat(reply.caseNow().status()).isEqualTo(CaseStatus.MITIGATED);
    assertThat(store.history(id)).extracting(CaseEvent::type).endsWith(CaseEvent.Type.NOTE);
  }

  @Test
  void mailFromAwsInTheThreadIsNeverTakenForTheTeamsReply() {
    ingest("email/ec2-abuse-dos.eml");
    String fromAws =
        new String(teamReply(), StandardCharsets.UTF_8)
            .replace(
                "From: Taro Yamada <taro.yamada@example.co.jp>",
                "From: Amazon EC2 Abuse <ec2-abuse@amazon.com>")
            .replace("reply-0001", "reply-0002");

    assertThat(ingest(fromAws.getBytes(StandardCharsets.UTF_8)))
        .isNotInstanceOf(Recorded.TeamReply.class);
  }

  @Test
  void aFinalNotificationIsDueAtOnce() {
    Case c = ((Recorded.Opened) ingest("email/ts-final-notification.eml")).caseNow();

    assertThat(c.deadline()).isEqualTo(Instant.parse("2025-11-06T02:21:07Z"));
    assertThat(c.overdue(Instant.parse("2025-11-06T02:21:07Z"))).isTrue();
  }

  @Test
  void refusesChangesToACaseThatDoesNotExist() {
    assertThat(store.move(42, CaseStatus.ACKNOWLEDGED, "hanako", "", NOW))
        .isEqualTo(new Change.NoSuchCase(42));
    assertThat(store.find(42)).isEmpty();
  }

  @Test
  void listsByStatusMostUrgentFirst() {
    ingest("email/ts-port-scan.eml"); // due 2025-11-04
    ingest("email/ts-final-notification.eml"); // due 2025-11-06
    ingest("email/ec2-abuse-dos.eml"); // due 2025-10-15
    long spam = ((Recorded.Opened) ingest("email/ec2-abuse-spam-eni.eml")).caseNow().id();
    store.move(spam, CaseStatus.ACKNOWLEDGED, "hanako", "", NOW);

    assertThat(store.list(new CaseQuery(Set.of(CaseStatus.OPEN), 10)))
        .extracting(Case::deadline)
        .containsExactly(
            Instant.parse("2025-10-15T03:12:40Z"),
            Instant.parse("2025-11-04T14:02:19Z"),
            Instant.parse("2025-11-06T02:21:07Z"));
    assertThat(store.list(new CaseQuery(Set.of(CaseStatus.ACKNOWLEDGED), 10)))
        .extracting(Case::id)
        .containsExactly(spam);
  }
}
