package dev.abusedesk.cases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A few connections to one SQLite file. A file does not go stale like a server connection, so no
 * validation: what SQLite needs is that an idle connection never holds its write lock.
 */
final class SqlitePool implements Pool {

  private static final int BORROW_SECONDS = 60;

  private final String url;
  private final Properties properties;
  private final String description;
  private final BlockingQueue<Connection> idle;
  private final Semaphore permits;

  SqlitePool(String url, Properties properties, int maxConnections, String description) {
    this.url = url;
    this.properties = properties;
    this.description = description;
    this.idle = new ArrayBlockingQueue<>(maxConnections);
    this.permits = new Semaphore(maxConnections);
  }

  @Override
  public Connection borrow() {
    try {
      if (!permits.tryAcquire(BORROW_SECONDS, TimeUnit.SECONDS)) {
        throw new StoreException(description + ": no connection free", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(description + ": interrupted", e);
    }
    Connection pooled = idle.poll();
    if (pooled != null) {
      return pooled;
    }
    try {
      return DriverManager.getConnection(url, properties);
    } catch (SQLException e) {
      permits.release();
      throw new StoreException(
          "cannot connect to " + description + ": " + Database.oneLine(e.getMessage()), e);
    }
  }

  @Override
  public void giveBack(Connection connection, boolean healthy) {
    try {
      // Back to autocommit: the SQLite driver opens the next transaction right after a commit,
      // and an idle pooled connection must not hold SQLite's write lock.
      if (healthy && !connection.isClosed()) {
        connection.setAutoCommit(true);
      }
      if (healthy && !connection.isClosed() && idle.offer(connection)) {
        return;
      }
      connection.close();
    } catch (SQLException e) {
      // A broken connection is dropped; the next borrow opens a new one.
    } finally {
      permits.release();
    }
  }

  @Override
  public void discardIdle() {
    close();
  }

  @Override
  public boolean reachable() {
    Connection connection;
    try {
      connection = borrow();
    } catch (StoreException e) {
      return false;
    }
    boolean valid = false;
    try {
      valid = connection.isValid(5);
      return valid;
    } catch (SQLException e) {
      return false;
    } finally {
      giveBack(connection, valid);
    }
  }

  @Override
  public void close() {
    Connection c;
    while ((c = idle.poll()) != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // Closing anyway.
      }
    }
  }
}
