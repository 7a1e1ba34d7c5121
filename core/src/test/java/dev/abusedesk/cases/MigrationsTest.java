package dev.abusedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.abusedesk.config.Contact;
import dev.abusedesk.config.Language;
import dev.abusedesk.report.Parsed;
import dev.abusedesk.report.Report;
import dev.abusedesk.testing.EmbeddedPostgres;
import dev.abusedesk.testing.Fixtures;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database an earlier release made is brought up to date and keeps what it holds. */
class MigrationsTest {

  private static final Instant NOW = Instant.parse("2025-11-10T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** The scripts of the release before dashboard sessions moved into the store. */
  private static final int BEFORE_SESSIONS = 4;

  /** The scripts of the release before customer notices. */
  private static final int BEFORE_CUSTOMERS = 5;

  @TempDir Path dir;

  @Test
  void aSqliteDatabaseOfTheReleaseBeforeCustomerNoticesMigratesAndKeepsItsCases() {
    migratesToCustomerNotices(Database.sqlite(dir.resolve("abusedesk.db")));
  }

  @Test
  void aPostgresDatabaseOfTheReleaseBeforeCustomerNoticesMigratesAndKeepsItsCases() {
    migratesToCustomerNotices(
        Database.postgresql(EmbeddedPostgres.freshDatabase(), "postgres", null));
  }

  @Test
  void aSqliteDatabaseOfTheReleaseBeforeSessionsMigratesAndKeepsItsCases() {
    migratesAndKeepsItsCases(Database.sqlite(dir.resolve("abusedesk.db")));
  }

  @Test
  void aPostgresDatabaseOfTheReleaseBeforeSessionsMigratesAndKeepsItsCases() {
    migratesAndKeepsItsCases(
        Database.postgresql(EmbeddedPostgres.freshDatabase(), "postgres", null));
  }

  @Test
  void aDatabaseNewerThanThisReleaseIsRefusedAndLeftAlone() {
    Database db = Database.sqlite(dir.resolve("abusedesk.db"));
    Migrations.apply(db, CLOCK);

    assertThatThrownBy(
            () -> Migrations.apply(db, CLOCK, Migrations.SCRIPTS.subList(0, BEFORE_SESSIONS)))
        .hasMessageContaining("version " + Migrations.SCRIPTS.size() + ") is newer");
    assertThat(version(db)).isEqualTo(Migrations.SCRIPTS.size());
    db.close();
  }

  private void migratesAndKeepsItsCases(Database db) {
    Migrations.apply(db, CLOCK, Migrations.SCRIPTS.subList(0, BEFORE_SESSIONS));
    byte[] raw = Fixtures.bytes("email/ts-port-scan.eml");
    Report report = ((Parsed.Read) Fixtures.parser().parse(raw, NOW)).reports().get(0);
    long caseId =
        ((Recorded.Opened)
                db.exclusive(
                    c ->
                        new Recording(c, new CaseRows(), NOW)
                            .record(report, raw, Hashes.sha256(raw), "s1", "pipe")))
            .caseNow()
            .id();
    assertThat(version(db)).isEqualTo(BEFORE_SESSIONS);

    SqlCaseStore store = SqlCaseStore.open(db, CLOCK);
    try {
      assertThat(version(db)).isEqualTo(Migrations.SCRIPTS.size());
      assertThat(store.find(caseId)).isPresent();
      assertThat(store.reports(caseId)).hasSize(1);
      DeskSessions sessions = new SqlDeskSessions(db, CLOCK);
      DeskSession opened = sessions.open(Optional.of("alice"), Language.EN, Duration.ofHours(1));
      assertThat(sessions.find(opened.id())).contains(opened);
    } finally {
      store.close();
    }
  }

  private void migratesToCustomerNotices(Database db) {
    Migrations.apply(db, CLOCK, Migrations.SCRIPTS.subList(0, BEFORE_CUSTOMERS));
    byte[] raw = Fixtures.bytes("email/ts-port-scan.eml");
    Report report = ((Parsed.Read) Fixtures.parser().parse(raw, NOW)).reports().get(0);
    long caseId =
        ((Recorded.Opened)
                db.exclusive(
                    c ->
                        new Recording(c, new CaseRows(), NOW)
                            .record(report, raw, Hashes.sha256(raw), "s1", "pipe")))
            .caseNow()
            .id();
    assertThat(version(db)).isEqualTo(BEFORE_CUSTOMERS);

    SqlCaseStore store = SqlCaseStore.open(db, CLOCK);
    try {
      assertThat(version(db)).isEqualTo(Migrations.SCRIPTS.size());
      assertThat(store.find(caseId)).isPresent();
      int before = store.history(caseId).size();
      CustomerNotices notices = new SqlCustomerNotices(db);
      // The longest address a contact may have is the actor of its answer.
      String local = "a".repeat(64);
      String domain = ("b".repeat(62) + ".").repeat(2) + "c".repeat(60) + ".jp";
      Contact longest = new Contact(local + "@" + domain, Language.JA);
      assertThat(longest.email()).hasSize(Contact.MAX_EMAIL);
      CustomerNotice notice =
          notices.open(caseId, "123456789012", List.of(longest), NOW.plusSeconds(3600), NOW).get(0);
      CustomerNotice reissued = notices.reissue(notice.id(), "alice", NOW);
      notices.answer(
          notice.id(),
          reissued.linkId(),
          new CustomerAnswer(CustomerAnswer.Verdict.NOT_OURS, "", "", "", "", NOW));

      assertThat(store.history(caseId))
          .hasSize(before + 3)
          .last()
          .extracting(CaseEvent::actor)
          .isEqualTo(longest.email());
    } finally {
      store.close();
    }
  }

  private static int version(Database db) {
    return db.transaction(
        c -> {
          try (PreparedStatement p = c.prepareStatement("SELECT MAX(version) FROM schema_version");
              ResultSet r = p.executeQuery()) {
            r.next();
            return r.getInt(1);
          }
        });
  }
}
