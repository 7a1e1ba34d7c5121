package dev.abusedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.abusedesk.report.ReportParser;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.LogLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database and the files SQLite makes beside it are for their owner only. */
class SqliteFileModesTest {

  private static final Instant NOW = Instant.parse("2025-11-10T00:00:00Z");

  @TempDir Path dir;

  @BeforeEach
  void onlyOnPosixFileSystems() {
    assumeThat(dir.getFileSystem().supportedFileAttributeViews()).contains("posix");
  }

  @Test
  void theDatabaseItsWalAndShmFilesAndItsDirectoryAreForTheOwnerOnly() throws Exception {
    Path db = dir.resolve("data/abusedesk.db");
    SqlCaseStore store = SqlCaseStore.open(Database.sqlite(db), Clock.fixed(NOW, ZoneOffset.UTC));
    try {
      record(store);

      // While a connection is open SQLite keeps its write-ahead log and shared memory beside it.
      assertThat(db.resolveSibling("abusedesk.db-wal")).exists();
      assertThat(db.resolveSibling("abusedesk.db-shm")).exists();
      for (String name : new String[] {"abusedesk.db", "abusedesk.db-wal", "abusedesk.db-shm"}) {
        assertThat(mode(db.resolveSibling(name))).as(name).isEqualTo("rw-------");
      }
      assertThat(mode(db.getParent())).isEqualTo("rwx------");
    } finally {
      store.close();
    }
  }

  @Test
  void aDatabaseLeftOpenByAnEarlierVersionIsTightenedOnOpen() throws Exception {
    Path db = dir.resolve("abusedesk.db");
    SqlCaseStore first = SqlCaseStore.open(Database.sqlite(db), Clock.fixed(NOW, ZoneOffset.UTC));
    record(first);
    first.close();
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));

    try (LogLines log = LogLines.of(Database.class)) {
      SqlCaseStore again = SqlCaseStore.open(Database.sqlite(db), Clock.fixed(NOW, ZoneOffset.UTC));
      try {
        assertThat(mode(db)).isEqualTo("rw-------");
        assertThat(again.list(CaseQuery.all())).hasSize(1);
        assertThat(mode(db.resolveSibling("abusedesk.db-wal"))).isEqualTo("rw-------");
      } finally {
        again.close();
      }
      assertThat(log.lines())
          .singleElement()
          .asString()
          .contains(db.toAbsolutePath().toString(), "owner only");
    }
  }

  private void record(SqlCaseStore store) {
    new Recorder(FileSpool.open(dir, Clock.fixed(NOW, ZoneOffset.UTC)), store, new ReportParser())
        .record(Fixtures.bytes("email/ec2-abuse-dos.eml"), "s1", "test", NOW);
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
