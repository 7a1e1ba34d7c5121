package dev.abusedesk.cases;

import java.sql.Connection;

/** Where a {@link Database} gets its connections: one kind per database, each kept its own way. */
sealed interface Pool permits SqlitePool, PostgresPool {

  /** A connection for one transaction, or a {@link StoreException} with a one-line message. */
  Connection borrow();

  /**
   * Takes back what {@link #borrow()} gave; {@code healthy} is false after a failed transaction.
   */
  void giveBack(Connection connection, boolean healthy);

  /** Opens fresh connections from now on: one was found dead, so the others are suspect. */
  void discardIdle();

  /** Whether the database answers within a few seconds. */
  boolean reachable();

  /** Closes every connection; a later {@link #borrow()} opens new ones. */
  void close();
}
