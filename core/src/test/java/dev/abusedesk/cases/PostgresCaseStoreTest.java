package dev.abusedesk.cases;

import dev.abusedesk.testing.EmbeddedPostgres;
import java.time.Clock;

/** The store contract on a real PostgreSQL server. */
class PostgresCaseStoreTest extends CaseStoreContract {

  @Override
  protected CaseStore newStore(Clock clock) {
    return SqlCaseStore.open(
        Database.postgresql(EmbeddedPostgres.freshDatabase(), "postgres", null), clock);
  }
}
