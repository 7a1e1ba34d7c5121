package dev.abusedesk.cases;

import dev.abusedesk.testing.EmbeddedPostgres;
import java.time.Clock;

/** The customer notices contract on a real PostgreSQL server. */
class PostgresCustomerNoticesTest extends CustomerNoticesContract {

  @Override
  protected SqlCaseStore newStore(Clock clock) {
    return SqlCaseStore.open(
        Database.postgresql(EmbeddedPostgres.freshDatabase(), "postgres", null), clock);
  }
}
