package dev.abusedesk.cases;

import dev.abusedesk.testing.EmbeddedPostgres;
import java.time.Clock;

/** The dashboard sessions contract on a real PostgreSQL server. */
class PostgresDeskSessionsTest extends DeskSessionsContract {

  @Override
  protected SqlCaseStore newStore(Clock clock) {
    return SqlCaseStore.open(
        Database.postgresql(EmbeddedPostgres.freshDatabase(), "postgres", null), clock);
  }
}
