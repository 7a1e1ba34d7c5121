package dev.abusedesk.pipeline;

import dev.abusedesk.cases.Database;
import dev.abusedesk.cases.SqlCaseStore;
import dev.abusedesk.cases.SqlCustomerNotices;
import dev.abusedesk.cases.SqlOutbox;
import dev.abusedesk.config.Config;
import dev.abusedesk.links.AckLinks;
import dev.abusedesk.links.CustomerLinks;
import dev.abusedesk.notify.Alerts;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.notify.HttpTransport;
import dev.abusedesk.notify.ReceiverSender;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.spool.Spooled;
import dev.abusedesk.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A real pipeline on a real SQLite file, sending through the real receivers. */
final class PipelineHarness implements AutoCloseable {

  final Config config;
  final SqlCaseStore store;
  final FileSpool spool;
  final Pipeline pipeline;
  final SqlCustomerNotices customerNotices;
  final CustomerLinks customerLinks;
  final ByteArrayOutputStream console = new ByteArrayOutputStream();

  PipelineHarness(Path dir, String yaml, Clock clock, String owner) {
    // The fixtures were received by a mail server the desk trusts, as a real desk's would be.
    this(
        dir,
        Config.parse(
            yaml.contains("intake:") ? yaml : yaml + Fixtures.TRUST_FIXTURE_MTA, dir, Map.of()),
        clock,
        owner);
  }

  PipelineHarness(Path dir, Config config, Clock clock, String owner) {
    this(dir, config, clock, owner, false);
  }

  /** With {@code customers}: the customer notices in the same database, links signed for them. */
  PipelineHarness(Path dir, Config config, Clock clock, String owner, boolean customers) {
    this.config = config;
    this.store = SqlCaseStore.open(Database.sqlite(dir.resolve("abusedesk.db")), clock);
    this.customerNotices = new SqlCustomerNotices(store.database());
    this.customerLinks =
        AckLinks.of(config, dir, clock).customerLinks(config.customers().linkLifetime());
    this.spool = FileSpool.open(dir, clock);
    this.pipeline =
        new Pipeline(
            config,
            store,
            new SqlOutbox(store.database()),
            spool,
            new ReceiverSender(
                new HttpTransport(clock, Duration.ofSeconds(2), Duration.ofSeconds(5)),
                new PrintStream(console, true, StandardCharsets.UTF_8),
                clock),
            clock,
            Alerts.Links.NONE,
            owner,
            Deliverer.Observer.NONE,
            customers ? Optional.of(customerNotices) : Optional.empty(),
            customerLinks::link);
  }

  /** Spools a fixture (or raw bytes), records it and queues its alerts. */
  void ingest(String fixture) {
    ingest(Fixtures.bytes(fixture));
  }

  void ingest(byte[] raw) {
    spoolOnly(raw);
    pipeline.recordAndQueue();
  }

  /** Spools without recording: many messages are then recorded in one go. */
  void spoolOnly(byte[] raw) {
    if (!(spool.put(raw, "pipe") instanceof Spooled.Accepted)) {
      throw new IllegalStateException("not spooled");
    }
  }

  @Override
  public void close() {
    pipeline.close();
    store.close();
  }
}
