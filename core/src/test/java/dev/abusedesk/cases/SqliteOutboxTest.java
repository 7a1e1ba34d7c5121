package dev.abusedesk.cases;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The outbox contract on a real SQLite file. */
class SqliteOutboxTest extends OutboxContract {

  @TempDir Path dir;

  @Override
  protected CaseStore newStore(Clock clock) {
    return SqlCaseStore.open(Database.sqlite(dir.resolve("abusedesk.db")), clock);
  }

  @Override
  protected Outbox outboxOf(CaseStore store) {
    return new SqlOutbox(((SqlCaseStore) store).database());
  }
}
