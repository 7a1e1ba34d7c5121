package dev.abusedesk.app;

import dev.abusedesk.cases.CaseStore;
import dev.abusedesk.cases.Database;
import dev.abusedesk.cases.Recorder;
import dev.abusedesk.cases.SqlCaseStore;
import dev.abusedesk.report.ReportParser;
import dev.abusedesk.spool.FileSpool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a command runs with: the data directory, the spool, the store, the clock. Opened lazily, so
 * that the mail pipe writes its spool file before anything else can fail.
 */
final class Context implements AutoCloseable {

  static final String DATA_ENV = "ABUSEDESK_DATA";

  private final Path dataDir;
  private final Clock clock;
  private final Duration deadline;
  private FileSpool spool;
  private CaseStore store;

  private Context(Path dataDir, Clock clock, Duration deadline) {
    this.dataDir = dataDir;
    this.clock = clock;
    this.deadline = deadline;
  }

  static Context of(CommonOptions options, Map<String, String> env, Clock clock) {
    Objects.requireNonNull(options, "options");
    Path dataDir = options.dataDir;
    if (dataDir == null && env.get(DATA_ENV) != null && !env.get(DATA_ENV).isBlank()) {
      dataDir = Path.of(env.get(DATA_ENV));
    }
    if (dataDir == null) {
      dataDir = Path.of("data");
    }
    return new Context(dataDir, clock, Duration.ofHours(24));
  }

  Path dataDir() {
    return dataDir;
  }

  Clock clock() {
    return clock;
  }

  /** The zone times are shown in. */
  java.time.ZoneId zone() {
    return java.time.ZoneOffset.UTC;
  }

  FileSpool spool() {
    if (spool == null) {
      spool = FileSpool.open(dataDir, clock);
    }
    return spool;
  }

  ReportParser parser() {
    return new ReportParser(deadline);
  }

  CaseStore store() {
    if (store == null) {
      store = SqlCaseStore.open(Database.sqlite(dataDir.resolve("abusedesk.db")), clock);
    }
    return store;
  }

  Recorder recorder() {
    return new Recorder(spool(), store(), parser());
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }
}
