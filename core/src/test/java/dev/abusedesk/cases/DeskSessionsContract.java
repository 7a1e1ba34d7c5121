package dev.abusedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.Language;
import dev.abusedesk.testing.TestClock;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store of dashboard sessions does; each database runs these for real. */
public abstract class DeskSessionsContract {

  private static final Instant NOW = Instant.parse("2025-11-10T00:00:00Z");
  private static final Duration HOURS = Duration.ofHours(8);
  private static final int CAP = 50;

  private final TestClock clock = new TestClock(NOW);
  private SqlCaseStore store;
  private DeskSessions sessions;

  /** A store on one new, empty database, its schema up to date. */
  protected abstract SqlCaseStore newStore(java.time.Clock clock);

  @BeforeEach
  void open() {
    store = newStore(clock);
    sessions = new SqlDeskSessions(store.database(), clock, CAP);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void findsTheSessionItOpened() {
    DeskSession opened = sessions.open(Optional.of("alice"), Language.JA, HOURS);

    assertThat(opened.id()).matches("[A-Za-z0-9_-]{43}");
    assertThat(opened.csrf()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(opened.id());
    assertThat(opened.expires()).isEqualTo(NOW.plus(HOURS));
    assertThat(sessions.find(opened.id())).contains(opened);
  }

  @Test
  void opensAnonymousSessionsForVisitorsOfAckLinks() {
    DeskSession visitor = sessions.open(Optional.empty(), Language.EN, HOURS);

    assertThat(sessions.find(visitor.id())).contains(visitor);
    assertThat(visitor.user()).isEmpty();
  }

  @Test
  void findsNothingForAnUnknownEmptyOrMissingId() {
    DeskSession opened = sessions.open(Optional.of("alice"), Language.EN, HOURS);

    assertThat(sessions.find(opened.id() + "x")).isEmpty();
    assertThat(sessions.find("")).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
    assertThat(sessions.find(SqlDeskSessions.key(opened.id()))).isEmpty();
  }

  @Test
  void anExpiredSessionIsGoneForGood() {
    DeskSession opened = sessions.open(Optional.of("alice"), Language.EN, HOURS);

    clock.advance(HOURS.minusMillis(1));
    assertThat(sessions.find(opened.id())).isPresent();
    clock.advance(Duration.ofMillis(1));
    assertThat(sessions.find(opened.id())).isEmpty();
    assertThat(rows()).isZero();
    clock.set(NOW);
    assertThat(sessions.find(opened.id())).isEmpty();
  }

  @Test
  void openingASessionSweepsTheExpiredOnes() {
    sessions.open(Optional.of("alice"), Language.EN, Duration.ofMinutes(5));
    sessions.open(Optional.empty(), Language.EN, Duration.ofMinutes(5));
    clock.advance(Duration.ofMinutes(5));

    DeskSession later = sessions.open(Optional.of("bob"), Language.EN, HOURS);

    assertThat(rows()).isOne();
    assertThat(sessions.find(later.id())).contains(later);
  }

  @Test
  void updateKeepsTheNewLanguage() {
    DeskSession opened = sessions.open(Optional.of("alice"), Language.EN, HOURS);

    sessions.update(opened.speaking(Language.JA));

    assertThat(sessions.find(opened.id())).contains(opened.speaking(Language.JA));
  }

  @Test
  void updatingAClosedSessionDoesNotBringItBack() {
    DeskSession opened = sessions.open(Optional.of("alice"), Language.EN, HOURS);
    sessions.close(opened.id());

    sessions.update(opened.speaking(Language.JA));

    assertThat(sessions.find(opened.id())).isEmpty();
  }

  @Test
  void closeEndsOnlyThatSession() {
    DeskSession alice = sessions.open(Optional.of("alice"), Language.EN, HOURS);
    DeskSession bob = sessions.open(Optional.of("bob"), Language.EN, HOURS);

    sessions.close(alice.id());
    sessions.close(null);
    sessions.close("no-such-session");

    assertThat(sessions.find(alice.id())).isEmpty();
    assertThat(sessions.find(bob.id())).contains(bob);
  }

  @Test
  void theTableHoldsNoSessionId() {
    DeskSession alice = sessions.open(Optional.of("alice"), Language.EN, HOURS);
    DeskSession visitor = sessions.open(Optional.empty(), Language.JA, HOURS);

    List<String> values =
        store
            .database()
            .transaction(
                c -> {
                  List<String> all = new ArrayList<>();
                  try (PreparedStatement p = c.prepareStatement("SELECT * FROM desk_sessions");
                      ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                      for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                        all.add(r.getString(i));
                      }
                    }
                  }
                  return all;
                });

    assertThat(values).contains("alice", alice.csrf(), visitor.csrf());
    assertThat(values)
        .noneMatch(v -> v != null && (v.contains(alice.id()) || v.contains(visitor.id())));
  }

  @Test
  void aFloodOfAnonymousVisitsEvictsTheOldestAnonymousAndNoOneLoggedIn() {
    DeskSession alice = sessions.open(Optional.of("alice"), Language.EN, HOURS);
    List<DeskSession> visitors = new ArrayList<>();
    for (int i = 0; i < CAP + 10; i++) {
      clock.advance(Duration.ofMillis(1));
      visitors.add(sessions.open(Optional.empty(), Language.EN, HOURS));
    }
    clock.advance(Duration.ofMillis(1));
    DeskSession bob = sessions.open(Optional.of("bob"), Language.EN, HOURS);

    assertThat(sessions.find(alice.id())).contains(alice);
    assertThat(sessions.find(bob.id())).contains(bob);
    assertThat(visitors.subList(0, 10)).allMatch(v -> sessions.find(v.id()).isEmpty());
    assertThat(visitors.subList(10, CAP + 10)).allMatch(v -> sessions.find(v.id()).isPresent());
    assertThat(rows()).isEqualTo(CAP + 2);
  }

  @Test
  void loggedInSessionsAreNotCapped() {
    List<DeskSession> people = new ArrayList<>();
    for (int i = 0; i < CAP + 5; i++) {
      people.add(sessions.open(Optional.of("user" + i), Language.EN, HOURS));
    }
    DeskSession visitor = sessions.open(Optional.empty(), Language.EN, HOURS);

    assertThat(people).allMatch(p -> sessions.find(p.id()).isPresent());
    assertThat(sessions.find(visitor.id())).contains(visitor);
  }

  @Test
  void twoInstancesOnOneDatabaseShareTheirSessions() {
    DeskSessions other = new SqlDeskSessions(store.database(), clock, CAP);

    DeskSession opened = sessions.open(Optional.of("alice"), Language.EN, HOURS);
    assertThat(other.find(opened.id())).contains(opened);

    other.update(opened.speaking(Language.JA));
    assertThat(sessions.find(opened.id())).contains(opened.speaking(Language.JA));

    other.close(opened.id());
    assertThat(sessions.find(opened.id())).isEmpty();
  }

  @Test
  void theCsrfTokenMatchesOnlyItself() {
    DeskSession opened = sessions.open(Optional.of("alice"), Language.EN, HOURS);

    assertThat(opened.csrfMatches(opened.csrf())).isTrue();
    assertThat(opened.csrfMatches(new String(opened.csrf()))).isTrue();
    assertThat(opened.csrfMatches(opened.csrf() + "x")).isFalse();
    assertThat(opened.csrfMatches(opened.id())).isFalse();
    assertThat(opened.csrfMatches("")).isFalse();
    assertThat(opened.csrfMatches(null)).isFalse();
  }

  @Test
  void aSessionPrintsNeitherItsIdNorItsToken() {
    DeskSession opened = sessions.open(Optional.of("alice"), Language.EN, HOURS);

    assertThat(opened.toString()).contains("alice").doesNotContain(opened.id(), opened.csrf());
  }

  private int rows() {
    return store
        .database()
        .transaction(
            c -> {
              try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM desk_sessions");
                  ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
              }
            });
  }
}
