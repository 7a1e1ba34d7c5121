package dev.abusedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.abusedesk.report.Parsed;
import dev.abusedesk.report.Report;
import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.RestartablePostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on a PostgreSQL server that goes away under it: restarted, its sessions cut as a proxy
 * does after an idle timeout, a connection lost mid-transaction. Its own server, since the shared
 * one must not stop.
 */
class PostgresReconnectTest {

  private static final Instant NOW = Instant.parse("2025-11-10T00:00:00Z");
  private static final String TEMPLATE =
      new String(Fixtures.bytes("email/ec2-abuse-dos.eml"), StandardCharsets.UTF_8);

  @TempDir Path dir;
  private RestartablePostgres server;
  private Database db;
  private SqlCaseStore store;

  @BeforeEach
  void start() {
    server = RestartablePostgres.start(dir.resolve("pgdata"));
    db = Database.postgresql(server.jdbcUrl(), "postgres", null);
    store = SqlCaseStore.open(db, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    store.close();
    server.close();
  }

  @Test
  void theFirstTransactionAfterARestartSucceedsAndNothingCommittedBeforeIsLost() throws Exception {
    for (int n = 1; n <= 5; n++) {
      assertThat(record(n)).isInstanceOf(Recorded.Opened.class);
    }
    holdConnections(4); // several idle connections in the pool, all to go stale

    server.restart(); // quicker than the pool's half second without a check: caught by the retry
    long started = System.nanoTime();
    Recorded after = record(6);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(after).isInstanceOf(Recorded.Opened.class);
    assertThat(caseNumbers()).containsExactlyInAnyOrderElementsOf(numbers(1, 6));
    System.out.println("first transaction after the restart: " + millis + " ms");
  }

  @Test
  void aTransactionRightAfterAProxyCutEverySessionSucceeds() throws Exception {
    for (int n = 1; n <= 3; n++) {
      record(n);
    }
    holdConnections(4);

    assertThat(server.cutSessions(PostgresPool.NAME)).isGreaterThanOrEqualTo(4);
    Recorded after = record(4);

    assertThat(after).isInstanceOf(Recorded.Opened.class);
    assertThat(caseNumbers()).containsExactlyInAnyOrderElementsOf(numbers(1, 4));
  }

  @Test
  void aTransactionWhoseConnectionDiesMidwayRunsOnceMoreAndOnlyTheSecondRunIsKept() {
    createRunsTable();
    AtomicInteger runs = new AtomicInteger();

    int kept =
        db.transaction(
            c -> {
              int run = runs.incrementAndGet();
              insertRun(c, run);
              if (run == 1) {
                try (Statement s = c.createStatement()) {
                  s.execute("SELECT pg_terminate_backend(pg_backend_pid())");
                }
              }
              return run;
            });

    assertThat(kept).isEqualTo(2);
    assertThat(runs).hasValue(2);
    assertThat(runsKept()).containsExactly(2);
  }

  @Test
  void aConnectionLostWhileCommittingIsReportedAndTheWorkNotRunAgain() {
    createRunsTable();
    AtomicInteger runs = new AtomicInteger();

    assertThatThrownBy(
            () ->
                db.transaction(
                    c -> {
                      int run = runs.incrementAndGet();
                      insertRun(c, run);
                      cutFromOutside(backendPid(c));
                      return run;
                    }))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("PostgreSQL " + server.jdbcUrl() + ": ");
    // The commit may or may not have happened when it fails; running some work twice is worse.
    assertThat(runs).hasValue(1);
    assertThat(runsKept()).isEmpty();
  }

  @Test
  void whileTheServerIsDownTheStoreSaysSoOnOneLineAndAfterItsBackEverythingIsThere() {
    record(1);
    server.stop();
    Database another =
        Database.postgresql(server.jdbcUrl() + "?password=hunter2", "postgres", "hunter2");
    try {
      long started = System.nanoTime();
      boolean reachable = db.reachable();
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(reachable).isFalse();
      // Generous: the check waits three seconds, where a transaction waits ten.
      assertThat(took).isLessThan(PostgresPool.CONNECTION_TIMEOUT);
      assertThatThrownBy(() -> another.transaction(c -> c.isValid(1)))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith("cannot connect to PostgreSQL jdbc:postgresql://localhost:")
          .hasMessageContaining("?password=***: ")
          .hasMessageNotContaining("hunter2")
          .hasMessageNotContaining("\n");

      server.start();
      assertThat(eventuallyReachable(db)).isTrue();
      assertThat(record(2)).isInstanceOf(Recorded.Opened.class);
      assertThat(caseNumbers()).containsExactlyInAnyOrderElementsOf(numbers(1, 2));
    } finally {
      another.close();
    }
  }

  private Recorded record(int n) {
    String number = Integer.toString(50_000_000 + n);
    byte[] raw =
        TEMPLATE
            .replace("20816735", number)
            .replace("0100018f2a1b2c3d", "0100018f2a1b" + String.format("%04d", n))
            .getBytes(StandardCharsets.UTF_8);
    Report report = ((Parsed.Read) Fixtures.parser().parse(raw, NOW)).reports().get(0);
    return store.record(report, raw, "spool-" + n, "smtp");
  }

  private static List<String> numbers(int from, int to) {
    List<String> numbers = new ArrayList<>();
    for (int n = from; n <= to; n++) {
      numbers.add(Integer.toString(50_000_000 + n));
    }
    return numbers;
  }

  private List<String> caseNumbers() {
    return store.list(CaseQuery.all()).stream().flatMap(c -> c.awsCaseIds().stream()).toList();
  }

  /** Runs {@code count} transactions at once, so that the pool opens that many connections. */
  private void holdConnections(int count) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(count);
    try {
      List<Future<Boolean>> held = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        held.add(
            threads.submit(
                () ->
                    db.transaction(
                        c -> {
                          try (Statement s = c.createStatement()) {
                            return s.execute("SELECT pg_sleep(0.3)");
                          }
                        })));
      }
      for (Future<Boolean> f : held) {
        f.get();
      }
    } finally {
      threads.shutdown();
    }
  }

  private void createRunsTable() {
    db.transaction(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE runs (run INTEGER NOT NULL)");
          }
          return null;
        });
  }

  private static void insertRun(Connection c, int run) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO runs (run) VALUES (?)")) {
      p.setInt(1, run);
      p.executeUpdate();
    }
  }

  private List<Integer> runsKept() {
    return db.transaction(
        c -> {
          List<Integer> kept = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet r = s.executeQuery("SELECT run FROM runs ORDER BY run")) {
            while (r.next()) {
              kept.add(r.getInt(1));
            }
          }
          return kept;
        });
  }

  private static int backendPid(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
      r.next();
      return r.getInt(1);
    }
  }

  /** Ends a session from another connection and waits until it is gone. */
  private void cutFromOutside(int pid) throws SQLException {
    try (Connection admin = server.connect("abusedesk");
        Statement s = admin.createStatement()) {
      s.execute("SELECT pg_terminate_backend(" + pid + ", 5000)");
    }
  }

  private static boolean eventuallyReachable(Database database) {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < until) {
      if (database.reachable()) {
        return true;
      }
    }
    return false;
  }
}
