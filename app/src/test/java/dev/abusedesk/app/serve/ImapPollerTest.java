package dev.abusedesk.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.abusedesk.cases.Database;
import dev.abusedesk.cases.Outbox;
import dev.abusedesk.cases.SqlCaseStore;
import dev.abusedesk.cases.SqlOutbox;
import dev.abusedesk.config.Intake;
import dev.abusedesk.config.Secret;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.spool.SpoolEntry;
import dev.abusedesk.testing.Fixtures;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IMAP poller against GreenMail, a real IMAP server, and a real SQLite store. */
class ImapPollerTest {

  private static final String USER = "security@example.com";
  private static final String PASSWORD = "imap-pass-7f3c";
  private static final List<String> FIXTURES =
      List.of("email/ec2-abuse-dos.eml", "email/ts-port-scan.eml", "email/ec2-abuse-closed.eml");

  @TempDir Path dir;

  private final Clock clock = Clock.systemUTC();
  private final AtomicInteger wakeUps = new AtomicInteger();
  private final int port = FreePort.find();
  private GreenMail greenMail;
  private GreenMailUser user;
  private SqlCaseStore store;
  private Outbox outbox;
  private FileSpool spool;
  private ImapPoller poller;

  @BeforeEach
  void startServerAndStore() {
    startGreenMail(ServerSetup.PROTOCOL_IMAP);
    store = SqlCaseStore.open(Database.sqlite(dir.resolve("abusedesk.db")), clock);
    outbox = new SqlOutbox(store.database());
    spool = FileSpool.open(dir, clock);
  }

  @AfterEach
  void stopAll() {
    if (poller != null) {
      poller.stop();
    }
    greenMail.stop();
    store.close();
  }

  @Test
  void spoolsNewMessagesOnceAndMarksThemSeen() throws Exception {
    deliverAll();
    poller = poller(config(Optional.empty()));

    ImapPoller.Result first = poller.pollOnce();
    ImapPoller.Result second = poller.pollOnce();

    assertThat(first).isEqualTo(new ImapPoller.Result(true, 3, 3, 0, Optional.empty()));
    assertThat(second).isEqualTo(new ImapPoller.Result(true, 0, 0, 0, Optional.empty()));
    assertThat(spool.pending()).hasSize(3).allMatch(entry -> entry.intake().equals("imap"));
    assertThat(subjects()).containsExactlyInAnyOrderElementsOf(fixtureSubjects());
    assertThat(inbox().getMessages()).hasSize(3).allMatch(m -> m.isSet(Flags.Flag.SEEN));
    assertThat(wakeUps).hasValue(3);
  }

  @Test
  void spoolsTheMessageAsTheServerHoldsIt() throws Exception {
    deliver("email/ec2-abuse-intrusion-qp.eml");
    poller = poller(config(Optional.empty()));

    poller.pollOnce();

    ByteArrayOutputStream held = new ByteArrayOutputStream();
    inbox().getMessages().get(0).getMimeMessage().writeTo(held);
    byte[] spooled = Files.readAllBytes(spool.pending().get(0).path());
    assertThat(new String(spooled, StandardCharsets.UTF_8))
        .isEqualTo(held.toString(StandardCharsets.UTF_8));
  }

  @Test
  void movesMessagesToTheConfiguredFolderCreatingIt() throws Exception {
    deliverAll();
    poller = poller(config(Optional.of("Processed")));

    assertThat(poller.pollOnce().spooled()).isEqualTo(3);
    assertThat(poller.pollOnce().fetched()).isZero();

    assertThat(inbox().getMessages()).isEmpty();
    assertThat(folder("Processed").getMessages()).hasSize(3);
    assertThat(spool.pending()).hasSize(3);
  }

  @Test
  void takesNewMessagesEvenWhenSomeoneReadThemFirst() throws Exception {
    poller = poller(config(Optional.empty()));
    deliver(FIXTURES.get(0));
    poller.pollOnce();

    deliver(FIXTURES.get(1));
    deliver(FIXTURES.get(2));
    inbox().getMessages().get(1).setFlag(Flags.Flag.SEEN, true);

    assertThat(poller.pollOnce().spooled()).isEqualTo(2);
    assertThat(spool.pending()).hasSize(3);
  }

  @Test
  void startsWithTheUnseenMessagesOnly() throws Exception {
    deliverAll();
    inbox().getMessages().get(0).setFlag(Flags.Flag.SEEN, true);
    poller = poller(config(Optional.empty()));

    assertThat(poller.pollOnce().spooled()).isEqualTo(2);
    assertThat(poller.pollOnce().spooled()).isZero();
    assertThat(subjects()).doesNotContain(fixtureSubjects().get(0));
  }

  @Test
  void anEmptyMailboxAtFirstStillTakesLaterMessagesSeenOrNot() throws Exception {
    poller = poller(config(Optional.empty()));
    assertThat(poller.pollOnce().fetched()).isZero();

    deliver(FIXTURES.get(0));
    inbox().getMessages().get(0).setFlag(Flags.Flag.SEEN, true);

    assertThat(poller.pollOnce().spooled()).isEqualTo(1);
  }

  @Test
  void aChangedUidValidityStartsAgainFromTheUnseenMessages() throws Exception {
    deliverAll();
    poller = poller(config(Optional.empty()));
    poller.pollOnce();
    long before = inbox().getUidValidity();

    // A new server (or a rebuilt mailbox): UIDs start again at 1 under a new UIDVALIDITY.
    restartGreenMailInANewSecond();
    deliver(FIXTURES.get(0));
    deliver(FIXTURES.get(1));
    inbox().getMessages().get(1).setFlag(Flags.Flag.SEEN, true);

    assertThat(inbox().getUidValidity()).isNotEqualTo(before);
    assertThat(poller.pollOnce()).isEqualTo(new ImapPoller.Result(true, 1, 1, 0, Optional.empty()));
    assertThat(spool.pending()).hasSize(4);
    assertThat(poller.pollOnce().spooled()).isZero();
  }

  @Test
  void settlesAMessageSpooledBeforeACrashWithoutSpoolingItAgain() throws Exception {
    deliver(FIXTURES.get(0));
    long uid = inbox().getMessages().get(0).getUid();
    outbox.keepCursor(
        cursorName(), inbox().getUidValidity() + ":" + uid + ":spooled", clock.instant());
    poller = poller(config(Optional.empty()));

    assertThat(poller.pollOnce()).isEqualTo(new ImapPoller.Result(true, 0, 0, 0, Optional.empty()));
    assertThat(spool.pending()).isEmpty();
    assertThat(inbox().getMessages().get(0).isSet(Flags.Flag.SEEN)).isTrue();
    assertThat(outbox.cursor(cursorName()))
        .contains(inbox().getUidValidity() + ":" + uid + ":settled");
  }

  @Test
  void aWrongPasswordFailsWithoutThePasswordInTheResultAndWorksOnceFixed() throws Exception {
    deliverAll();
    user.setPassword("changed-by-the-admin");
    poller = poller(config(Optional.empty()));

    ImapPoller.Result refused = poller.pollOnce();

    assertThat(refused.failed()).isTrue();
    assertThat(refused.problem().orElseThrow())
        .startsWith("the server refused the login")
        .doesNotContain(PASSWORD);
    assertThat(refused.toString()).doesNotContain(PASSWORD);
    assertThat(spool.pending()).isEmpty();

    user.setPassword(PASSWORD);
    assertThat(poller.pollOnce().spooled()).isEqualTo(3);
  }

  @Test
  void logsInWithAnOAuth2Token() throws Exception {
    deliverAll();
    user.setPassword("ya29.token-for-the-test");
    Intake.Imap config =
        new Intake.Imap(
            "127.0.0.1",
            port,
            false,
            USER,
            Optional.empty(),
            Optional.of(Secret.of("ya29.token-for-the-test")),
            "INBOX",
            Optional.empty(),
            Duration.ofSeconds(60));
    poller = poller(config);

    assertThat(poller.pollOnce().spooled()).isEqualTo(3);
  }

  @Test
  void speaksImapsWhenTlsIsOn() throws Exception {
    greenMail.stop();
    startGreenMail(ServerSetup.PROTOCOL_IMAPS);
    deliverAll();
    Intake.Imap config =
        new Intake.Imap(
            "127.0.0.1",
            port,
            true,
            USER,
            Optional.of(Secret.of(PASSWORD)),
            Optional.empty(),
            "INBOX",
            Optional.empty(),
            Duration.ofSeconds(60));
    Properties trustTheTestCertificate = new Properties();
    trustTheTestCertificate.setProperty("mail.imaps.ssl.trust", "*");
    trustTheTestCertificate.setProperty("mail.imaps.ssl.checkserveridentity", "false");
    poller =
        new ImapPoller(
            config,
            spool,
            outbox,
            clock,
            "instance-1",
            wakeUps::incrementAndGet,
            Intake.DEFAULT_MAX_BYTES,
            trustTheTestCertificate);

    assertThat(poller.pollOnce().spooled()).isEqualTo(3);
  }

  @Test
  void leavesAMessageOverTheLimitUnreadAndGoesOn() throws Exception {
    deliver("email/ec2-abuse-dos.eml"); // 2.5 KB
    deliver("email/ec2-abuse-closed.eml"); // 0.5 KB
    poller =
        new ImapPoller(
            config(Optional.empty()),
            spool,
            outbox,
            clock,
            "instance-1",
            wakeUps::incrementAndGet,
            1500,
            new Properties());

    assertThat(poller.pollOnce()).isEqualTo(new ImapPoller.Result(true, 2, 1, 1, Optional.empty()));
    assertThat(poller.pollOnce()).isEqualTo(new ImapPoller.Result(true, 0, 0, 0, Optional.empty()));
    assertThat(inbox().getMessages().get(0).isSet(Flags.Flag.SEEN)).isFalse();
    assertThat(inbox().getMessages().get(1).isSet(Flags.Flag.SEEN)).isTrue();
  }

  @Test
  void pollsNotWhileAnotherInstanceHoldsTheLease() throws Exception {
    deliverAll();
    outbox.lease(ImapPoller.JOB, "instance-2", clock.instant(), Duration.ofMinutes(5));
    poller = poller(config(Optional.empty()));

    assertThat(poller.pollOnce())
        .isEqualTo(new ImapPoller.Result(false, 0, 0, 0, Optional.empty()));
    assertThat(spool.pending()).isEmpty();
    assertThat(inbox().getMessages()).noneMatch(m -> m.isSet(Flags.Flag.SEEN));
  }

  @Test
  void theLoopBacksOffWhileTheServerIsDownAndRecoversAfterItsRestart() throws Exception {
    Intake.Imap config =
        new Intake.Imap(
            "127.0.0.1",
            port,
            false,
            USER,
            Optional.of(Secret.of(PASSWORD)),
            Optional.empty(),
            "INBOX",
            Optional.empty(),
            Duration.ofMillis(100));
    poller = poller(config);
    deliver(FIXTURES.get(0));
    poller.start();
    assertThat(eventually(() -> spool.pending().size() == 1)).isTrue();

    greenMail.stop();
    Thread.sleep(1_200); // down for a few polls, and the new server gets a new UIDVALIDITY
    startGreenMail(ServerSetup.PROTOCOL_IMAP);
    deliver(FIXTURES.get(1));

    assertThat(eventually(() -> spool.pending().size() == 2)).isTrue();
    poller.stop();
    assertThat(subjects()).containsExactlyInAnyOrderElementsOf(fixtureSubjects().subList(0, 2));
  }

  @Test
  void backsOffByDoublingTheIntervalUpToFifteenMinutes() {
    Duration minute = Duration.ofMinutes(1);

    assertThat(ImapPoller.backoff(1, minute)).isEqualTo(minute);
    assertThat(ImapPoller.backoff(2, minute)).isEqualTo(Duration.ofMinutes(2));
    assertThat(ImapPoller.backoff(4, minute)).isEqualTo(Duration.ofMinutes(8));
    assertThat(ImapPoller.backoff(5, minute)).isEqualTo(Duration.ofMinutes(15));
    assertThat(ImapPoller.backoff(500, minute)).isEqualTo(Duration.ofMinutes(15));
    assertThat(ImapPoller.backoff(3, Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
  }

  // --- helpers

  private void startGreenMail(String protocol) {
    greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", protocol));
    greenMail.start();
    user = greenMail.setUser(USER, USER, PASSWORD);
  }

  private void restartGreenMailInANewSecond() throws InterruptedException {
    long second = System.currentTimeMillis() / 1000;
    greenMail.stop();
    while (System.currentTimeMillis() / 1000 == second) {
      Thread.sleep(20);
    }
    startGreenMail(ServerSetup.PROTOCOL_IMAP);
  }

  private ImapPoller poller(Intake.Imap config) {
    return new ImapPoller(config, spool, outbox, clock, "instance-1", wakeUps::incrementAndGet);
  }

  private Intake.Imap config(Optional<String> moveTo) {
    return new Intake.Imap(
        "127.0.0.1",
        port,
        false,
        USER,
        Optional.of(Secret.of(PASSWORD)),
        Optional.empty(),
        "INBOX",
        moveTo,
        Duration.ofSeconds(60));
  }

  private String cursorName() {
    return "imap:127.0.0.1:" + USER + ":INBOX";
  }

  private void deliverAll() throws Exception {
    for (String fixture : FIXTURES) {
      deliver(fixture);
    }
  }

  private void deliver(String fixture) throws Exception {
    user.deliver(
        new MimeMessage(
            Session.getInstance(new Properties()),
            new ByteArrayInputStream(Fixtures.bytes(fixture))));
  }

  private MailFolder inbox() throws Exception {
    return greenMail.getManagers().getImapHostManager().getInbox(user);
  }

  private MailFolder folder(String name) {
    return greenMail.getManagers().getImapHostManager().getFolder(user, name);
  }

  private List<String> subjects() throws Exception {
    List<String> subjects = new ArrayList<>();
    for (SpoolEntry entry : spool.pending()) {
      subjects.add(subject(Files.readAllBytes(entry.path())));
    }
    return subjects;
  }

  private static List<String> fixtureSubjects() throws Exception {
    List<String> subjects = new ArrayList<>();
    for (String fixture : FIXTURES) {
      subjects.add(subject(Fixtures.bytes(fixture)));
    }
    return subjects;
  }

  private static String subject(byte[] raw) throws Exception {
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw))
        .getSubject();
  }

  /** Waits up to 20 s for the condition: the loop's own pace, not a timing claim. */
  private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }
}
