package dev.abusedesk.cases;

import dev.abusedesk.testing.EmbeddedPostgres;
import java.time.Clock;

/** The outbox contract on a real PostgreSQL server, claims with FOR UPDATE SKIP LOCKED. */
class PostgresOutboxTest extends OutboxContract {

  @Override
  protected CaseStore newStore(Clock clock) {
    return SqlCaseStore.open(
        Database.postgresql(EmbeddedPostgres.freshDatabase(), "postgres", null), clock);
  }

  @Override
  protected Outbox outboxOf(CaseStore store) {
    return new SqlOutbox(((SqlCaseStore) store).database());
  }
}
