package dev.abusedesk.cases;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard sessions contract on a real SQLite file. */
class SqliteDeskSessionsTest extends DeskSessionsContract {

  @TempDir Path dir;

  @Override
  protected SqlCaseStore newStore(Clock clock) {
    return SqlCaseStore.open(Database.sqlite(dir.resolve("abusedesk.db")), clock);
  }
}
