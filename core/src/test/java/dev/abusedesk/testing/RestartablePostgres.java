package dev.abusedesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server of its own, for tests that stop and start it under a running client: the same
 * port and data directory each time, so what was committed before a restart is there after it.
 * ({@link EmbeddedPostgres} is shared by every test of a JVM and never stops.)
 */
public final class RestartablePostgres implements AutoCloseable {

  private static final String DATABASE = "abusedesk";

  private final Path dataDir;
  private final int port;
  private io.zonky.test.db.postgres.embedded.EmbeddedPostgres server; // null while stopped

  private RestartablePostgres(Path dataDir, int port) {
    this.dataDir = dataDir;
    this.port = port;
  }

  /** Starts a new server with its data in {@code dataDir}, and an empty database. */
  public static RestartablePostgres start(Path dataDir) {
    RestartablePostgres postgres = new RestartablePostgres(dataDir, freePort());
    postgres.start();
    try (Connection c = postgres.connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DATABASE);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the database", e);
    }
    return postgres;
  }

  /** The database's URL (user {@code postgres}, no password); it stays the same across restarts. */
  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
  }

  /** Starts the server again on the same port and data; returns once it accepts connections. */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      server =
          io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
              .setPort(port)
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              // As a production server: a commit is on disk before it is acknowledged.
              .setServerConfig("synchronous_commit", "on")
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start PostgreSQL on port " + port, e);
    }
  }

  /** Stops the server as an operator or a failover does: sessions are ended, then it exits. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop PostgreSQL on port " + port, e);
    } finally {
      server = null;
    }
  }

  public void restart() {
    stop();
    start();
  }

  /**
   * Ends every session an application opened, as a proxy's or a firewall's idle cut does, and waits
   * until they are gone; returns how many there were.
   */
  public int cutSessions(String applicationName) {
    try (Connection c = connect(DATABASE);
        PreparedStatement p =
            c.prepareStatement(
                "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
                    + " WHERE application_name = ? AND pid <> pg_backend_pid()")) {
      p.setString(1, applicationName);
      int cut = 0;
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          cut++;
        }
      }
      return cut;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot end the sessions of " + applicationName, e);
    }
  }

  /** A connection of the test's own to the server (not through the code under test). */
  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres");
  }

  @Override
  public void close() {
    stop();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
