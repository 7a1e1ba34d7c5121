package dev.abusedesk.cases;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * PostgreSQL connections kept by HikariCP, so that a restarted server, a failover or a proxy's idle
 * cut-off never reaches a transaction as a dead connection: each connection idle for more than half
 * a second is checked before it is handed out, idle ones are pinged every two minutes, and none
 * lives longer than ten, well under RDS Proxy's idle client timeout (30 minutes by default) and
 * most firewalls' and NAT gateways' idle cut-offs.
 *
 * <p>The pool starts on first use, not before: a command that never touches the store never
 * connects, and a Lambda snapshot taken after {@link #close()} holds no connection and no thread.
 */
final class PostgresPool implements Pool {

  static final String NAME = "abusedesk";
  static final int SIZE = 8;
  static final Duration MAX_LIFETIME = Duration.ofMinutes(10);
  static final Duration KEEPALIVE = Duration.ofMinutes(2);
  static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);

  /** How long a transaction waits for a connection: long enough for a server restart. */
  static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);

  /**
   * How long checking a connection may take, before it is handed out or for a health check: a load
   * balancer's check must not hang on a server that is down.
   */
  static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

  private final String url;
  private final String username;
  private final String password;
  private final String description;
  private HikariPool pool; // guarded by this: null until first use, and again after close

  PostgresPool(String url, String username, String password, String description) {
    this.url = url;
    this.username = username;
    this.password = password;
    this.description = description;
  }

  @Override
  public Connection borrow() {
    try {
      return pool().getConnection();
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public void giveBack(Connection connection, boolean healthy) {
    // Back to the pool, which rolls back what is left open and drops a connection it saw break;
    // one that merely saw a failed statement is fine for the next transaction.
    try {
      connection.close();
    } catch (SQLException e) {
      // Dropped by the pool.
    }
  }

  @Override
  public synchronized void discardIdle() {
    if (pool != null) {
      pool.softEvictConnections();
    }
  }

  @Override
  public boolean reachable() {
    // HikariPool rather than HikariDataSource for this: a wait of its own, shorter than a
    // transaction's.
    try (Connection c = pool().getConnection(CHECK_TIMEOUT.toMillis())) {
      return c.isValid((int) CHECK_TIMEOUT.toSeconds());
    } catch (SQLException | StoreException e) {
      return false;
    }
  }

  @Override
  public synchronized void close() {
    if (pool == null) {
      return;
    }
    try {
      pool.shutdown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool = null;
    }
  }

  private synchronized HikariPool pool() {
    if (pool == null) {
      try {
        pool = new HikariPool(config());
      } catch (HikariPool.PoolInitializationException e) {
        throw unavailable(e.getCause() != null ? e.getCause() : e);
      }
    }
    return pool;
  }

  private HikariConfig config() {
    HikariConfig config = new HikariConfig();
    config.setPoolName(NAME);
    config.setJdbcUrl(url);
    config.setUsername(username);
    config.setPassword(password);
    config.setMaximumPoolSize(SIZE);
    // One kept open when idle; the others are opened on demand and closed after five idle minutes.
    config.setMinimumIdle(1);
    config.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    config.setMaxLifetime(MAX_LIFETIME.toMillis());
    config.setKeepaliveTime(KEEPALIVE.toMillis());
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    config.setValidationTimeout(CHECK_TIMEOUT.toMillis());
    // Starting the pool tries one connection and fails within a second when it cannot have one,
    // as a command run against a server that is down should; later a borrow waits for a reconnect.
    config.setInitializationFailTimeout(1);
    config.addDataSourceProperty("ApplicationName", NAME);
    // A connection attempt to an address that does not answer gives up in time for another.
    config.addDataSourceProperty("connectTimeout", "5");
    // A connection to a server that vanished without closing it (a failover, a dropped route)
    // fails after a minute instead of hanging; no statement of ours runs nearly that long.
    config.addDataSourceProperty("socketTimeout", "60");
    config.validate();
    return config;
  }

  /** A one-line reason; the URL only as {@code description} has it, redacted. */
  private StoreException unavailable(Throwable failure) {
    if (failure instanceof SQLTransientConnectionException timeout) {
      // Hikari's wait ran out: behind it the last failure to connect, or none when all are in use.
      return timeout.getCause() == null
          ? new StoreException(
              description + ": no connection free within " + CONNECTION_TIMEOUT.toSeconds() + " s",
              failure)
          : new StoreException(
              "cannot connect to "
                  + description
                  + ": "
                  + Database.oneLine(timeout.getCause().getMessage()),
              failure);
    }
    return new StoreException(
        "cannot connect to " + description + ": " + Database.oneLine(failure.getMessage()),
        failure);
  }
}
