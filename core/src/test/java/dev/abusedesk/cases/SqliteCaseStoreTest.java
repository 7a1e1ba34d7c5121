package dev.abusedesk.cases;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded default: a real SQLite file. */
class SqliteCaseStoreTest extends CaseStoreContract {

  @TempDir Path dir;

  @Override
  protected CaseStore newStore(Clock clock) {
    return SqlCaseStore.open(Database.sqlite(dir.resolve("abusedesk.db")), clock);
  }
}
