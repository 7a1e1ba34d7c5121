package dev.abusedesk.cases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;

/**
 * Connections to the store's database, SQLite or PostgreSQL, with a small pool and one way to run a
 * transaction. Writes that must not interleave (joining a report into a case) take the database's
 * write lock: SQLite's {@code BEGIN IMMEDIATE}, PostgreSQL's transaction advisory lock.
 */
public final class Database implements AutoCloseable {

  /** The SQL flavours the store speaks. */
  public enum Dialect {
    SQLITE,
    POSTGRESQL
  }

  /** Work inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private static final long WRITE_LOCK_KEY = 0x4162757365L; // "Abuse"
  private static final int BORROW_SECONDS = 60;

  private final Dialect dialect;
  private final String url;
  private final Properties properties;
  private final BlockingQueue<Connection> idle;
  private final Semaphore permits;
  private final String description;

  private Database(
      Dialect dialect, String url, Properties properties, int maxConnections, String description) {
    this.dialect = dialect;
    this.url = url;
    this.properties = properties;
    this.idle = new ArrayBlockingQueue<>(maxConnections);
    this.permits = new Semaphore(maxConnections);
    this.description = description;
  }

  /** The embedded database: one SQLite file, in WAL mode, safe for several processes. */
  public static Database sqlite(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (java.io.IOException e) {
      throw new StoreException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL: a committed report survives power loss, so its spool file may be removed.
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(60_000);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.enforceForeignKeys(true);
    return new Database(
        Dialect.SQLITE,
        "jdbc:sqlite:" + file.toAbsolutePath(),
        config.toProperties(),
        4,
        "SQLite " + file.toAbsolutePath());
  }

  /**
   * The database a configuration names: PostgreSQL when {@code storage.url} says so, else SQLite at
   * that URL's file or at {@code defaultFile}.
   */
  public static Database of(dev.abusedesk.config.Storage storage, Path defaultFile) {
    if (storage.isPostgres()) {
      return postgresql(
          storage.url().orElseThrow(),
          storage.username().orElse(null),
          storage.password().map(dev.abusedesk.config.Secret::reveal).orElse(null));
    }
    return sqlite(
        storage
            .url()
            .map(url -> Path.of(url.substring("jdbc:sqlite:".length())))
            .orElse(defaultFile));
  }

  /** A PostgreSQL server shared by several instances. */
  public static Database postgresql(String url, String username, String password) {
    Properties properties = new Properties();
    if (username != null) {
      properties.setProperty("user", username);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("ApplicationName", "abusedesk");
    properties.setProperty("connectTimeout", "10");
    return new Database(Dialect.POSTGRESQL, url, properties, 8, "PostgreSQL " + redact(url));
  }

  public Dialect dialect() {
    return dialect;
  }

  @Override
  public String toString() {
    return description;
  }

  /**
   * Runs {@code work} in a transaction that holds the store's write lock: such transactions never
   * interleave, across every process and instance sharing the database.
   */
  public <T> T exclusive(Work<T> work) {
    return run(work, true);
  }

  /** Runs {@code work} in an ordinary transaction (reads, independent updates). */
  public <T> T transaction(Work<T> work) {
    return run(work, false);
  }

  private <T> T run(Work<T> work, boolean writeLock) {
    Connection connection = borrow();
    boolean healthy = false;
    try {
      connection.setAutoCommit(false);
      if (writeLock && dialect == Dialect.POSTGRESQL) {
        try (Statement s = connection.createStatement()) {
          s.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK_KEY + ")");
        }
      }
      T result = work.run(connection);
      connection.commit();
      healthy = true;
      return result;
    } catch (SQLException e) {
      rollbackQuietly(connection);
      throw new StoreException(description + ": " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      rollbackQuietly(connection);
      healthy = true;
      throw e;
    } finally {
      giveBack(connection, healthy);
    }
  }

  private Connection borrow() {
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
      throw new StoreException("cannot connect to " + description + ": " + e.getMessage(), e);
    }
  }

  private void giveBack(Connection connection, boolean healthy) {
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

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // The connection is dropped by giveBack.
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

  /** Whether the database answers at all. */
  public boolean reachable() {
    try {
      return transaction(c -> c.isValid(5));
    } catch (StoreException e) {
      return false;
    }
  }

  private static String redact(String url) {
    return Objects.requireNonNull(url, "url").replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
