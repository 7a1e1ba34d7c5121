package dev.abusedesk.cases;

import dev.abusedesk.spool.PrivateFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.sqlite.SQLiteConfig;

/**
 * Connections to the store's database, SQLite or PostgreSQL, and one way to run a transaction.
 * Writes that must not interleave (joining a report into a case) take the database's write lock:
 * SQLite's {@code BEGIN IMMEDIATE}, PostgreSQL's transaction advisory lock.
 */
public final class Database implements AutoCloseable {

  /** The SQL flavours the store speaks. */
  public enum Dialect {
    SQLITE,
    POSTGRESQL
  }

  /**
   * Work inside one transaction. It may run twice: when the connection dies before the commit, the
   * transaction is run again on a fresh one; so its only effects go through the connection.
   */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private static final System.Logger LOG = System.getLogger(Database.class.getName());
  private static final long WRITE_LOCK_KEY = 0x4162757365L; // "Abuse"

  private final Dialect dialect;
  private final Pool pool;
  private final String description;

  private Database(Dialect dialect, Pool pool, String description) {
    this.dialect = dialect;
    this.pool = pool;
    this.description = description;
  }

  /**
   * The embedded database: one SQLite file, in WAL mode, safe for several processes. The file is
   * created 0600 before SQLite opens it; SQLite gives its {@code -wal} and {@code -shm} files the
   * database file's mode, so they are 0600 too.
   */
  public static Database sqlite(Path file) {
    Path absolute = file.toAbsolutePath();
    try {
      PrivateFiles.createDirectories(absolute.getParent());
      PrivateFiles.writeNew(absolute, new byte[0]);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // Opened before (or by another process just now).
    } catch (java.io.IOException e) {
      throw new StoreException("cannot create " + absolute + ": " + e.getMessage(), e);
    }
    int tightened = 0;
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
      tightened += PrivateFiles.tighten(absolute.resolveSibling(absolute.getFileName() + suffix));
    }
    if (tightened > 0) {
      LOG.log(
          System.Logger.Level.INFO,
          "{0}: {1} database files open to group or others (left by an earlier version) are now"
              + " for their owner only",
          absolute,
          tightened);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL: a committed report survives power loss, so its spool file may be removed.
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(60_000);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.enforceForeignKeys(true);
    String description = "SQLite " + file.toAbsolutePath();
    return new Database(
        Dialect.SQLITE,
        new SqlitePool(
            "jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties(), 4, description),
        description);
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

  /** A PostgreSQL server shared by several instances, through a pool that survives its restarts. */
  public static Database postgresql(String url, String username, String password) {
    String description = "PostgreSQL " + redact(url);
    return new Database(
        Dialect.POSTGRESQL, new PostgresPool(url, username, password, description), description);
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
    for (int attempt = 1; ; attempt++) {
      Connection connection = pool.borrow();
      boolean committing = false;
      boolean healthy = false;
      try {
        connection.setAutoCommit(false);
        if (writeLock && dialect == Dialect.POSTGRESQL) {
          try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK_KEY + ")");
          }
        }
        T result = work.run(connection);
        committing = true;
        connection.commit();
        healthy = true;
        return result;
      } catch (SQLException e) {
        rollbackQuietly(connection);
        if (attempt == 1 && !committing && connectionLost(e)) {
          // Safe to run again: a connection that dies takes its open transaction with it (the
          // server rolls it back), so nothing of the first run remains; and every Work in this
          // package acts only through its connection and builds its state inside the lambda, so
          // a second run is as good as a first. Not once the commit was sent: it may have been
          // applied, and several works would not be idempotent across two commits (history
          // events, attempt counters, outbox claims, status moves).
          LOG.log(
              System.Logger.Level.WARNING,
              "{0}: connection lost ({1}); running the transaction again on a fresh connection",
              description,
              oneLine(e.getMessage()));
          pool.discardIdle();
          continue;
        }
        throw new StoreException(description + ": " + oneLine(e.getMessage()), e);
      } catch (RuntimeException | Error e) {
        rollbackQuietly(connection);
        healthy = true;
        throw e;
      } finally {
        pool.giveBack(connection, healthy);
      }
    }
  }

  /**
   * Whether {@code e} says the connection is gone rather than the statement failed: SQLState class
   * 08 (connection exception), or the server ending the session (57P01 administrator shutdown or
   * {@code pg_terminate_backend}, 57P02 crash, 57P03 not accepting connections yet).
   */
  static boolean connectionLost(SQLException e) {
    int depth = 0;
    for (Throwable t = e; t != null && depth < 10; t = next(t), depth++) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.matches("57P0[123]")) {
          return true;
        }
      }
    }
    return false;
  }

  private static Throwable next(Throwable t) {
    if (t instanceof SQLException sql && sql.getNextException() != null) {
      return sql.getNextException();
    }
    return t.getCause();
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // The connection is dropped by the pool.
    }
  }

  /**
   * Closes every connection. The database stays usable and reconnects on its next transaction: a
   * Lambda closes it before a snapshot and goes on after the restore.
   */
  @Override
  public void close() {
    pool.close();
  }

  /** Whether the database answers, within a few seconds. */
  public boolean reachable() {
    return pool.reachable();
  }

  /** A driver's message on one line: PostgreSQL's carry their detail on more. */
  static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static String redact(String url) {
    return Objects.requireNonNull(url, "url").replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
