package dev.abusedesk.cases;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The customer notices contract on a real SQLite file. */
class SqliteCustomerNoticesTest extends CustomerNoticesContract {

  @TempDir Path dir;

  @Override
  protected SqlCaseStore newStore(Clock clock) {
    return SqlCaseStore.open(Database.sqlite(dir.resolve("abusedesk.db")), clock);
  }
}
