package dev.abusedesk.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.cases.Database;
import dev.abusedesk.cases.SqlCaseStore;
import dev.abusedesk.cases.SqlOutbox;
import dev.abusedesk.config.Config;
import dev.abusedesk.notify.Alerts;
import dev.abusedesk.notify.Deliverer;
import dev.abusedesk.notify.HttpTransport;
import dev.abusedesk.notify.ReceiverSender;
import dev.abusedesk.pipeline.Pipeline;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.testing.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --demo} as the daemon runs it, in process: the samples loaded into a data directory,
 * recorded, alerted on the console; then the same again on the same directory, as a restart does.
 */
class DemoDataTest {

  @TempDir Path dir;

  private final TestClock clock = new TestClock(Instant.parse("2025-11-10T03:00:00Z"));

  /** What one run of the demo did: how much it spooled and queued, and what the console said. */
  record Run(int spooled, int queued, String console, int messages) {}

  /** One start of the demo on {@code dir}: load, record and queue, deliver, stop. */
  private Run start() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Config config =
        Config.parse(
            "intake:\n  trusted_authserv_ids: [" + Intakes.DEMO_MTA + "]\n", dir, Map.of());
    FileSpool spool = FileSpool.open(dir, clock);
    SqlCaseStore store = SqlCaseStore.open(Database.sqlite(dir.resolve("abusedesk.db")), clock);
    Pipeline pipeline =
        new Pipeline(
            config,
            store,
            new SqlOutbox(store.database()),
            spool,
            new ReceiverSender(
                new HttpTransport(clock),
                new PrintStream(console, true, StandardCharsets.UTF_8),
                clock),
            clock,
            Alerts.Links.NONE,
            "test",
            Deliverer.Observer.NONE);
    try {
      int spooled = Intakes.loadDemo(spool, clock.instant());
      int queued = pipeline.recordAndQueue();
      while (!pipeline.deliver(Duration.ofSeconds(5)).idle()) {
        clock.advance(Duration.ofSeconds(1));
      }
      int messages = pipeline.outbox().entries(Set.of(), 10_000).size();
      return new Run(spooled, queued, console.toString(StandardCharsets.UTF_8), messages);
    } finally {
      pipeline.close();
      pipeline.store().close();
    }
  }

  /** The console's messages, each from its title line to the next. */
  static List<String> messages(String console) {
    List<String> messages = new ArrayList<>();
    StringBuilder current = null;
    for (String line : console.split("\n", -1)) {
      if (line.matches("\\S+ .+ \\(case #\\d+\\)")) {
        if (current != null) {
          messages.add(current.toString());
        }
        current = new StringBuilder();
      }
      if (current != null) {
        current.append(line).append('\n');
      }
    }
    if (current != null) {
      messages.add(current.toString());
    }
    return messages;
  }

  @Test
  void aRestartLoadsNothingAgainAndSendsNoSecondRoundOfAlerts() throws Exception {
    Run first = start();
    clock.advance(Duration.ofMinutes(10));
    Run second = start();

    assertThat(first.spooled()).isGreaterThanOrEqualTo(10);
    assertThat(first.queued()).isGreaterThanOrEqualTo(10);
    assertThat(messages(first.console())).hasSizeGreaterThanOrEqualTo(10);
    assertThat(Files.readAllLines(dir.resolve(DemoData.MARKER))).hasSize(first.spooled());
    assertThat(second.spooled()).isZero();
    assertThat(second.queued()).isZero();
    assertThat(second.console()).isEmpty();
    assertThat(second.messages()).isEqualTo(first.messages());
  }

  @Test
  void theCaseAwsClosedIsNeverAnnouncedAsWaitingForAReply() {
    List<String> messages = messages(start().console());

    List<String> closed =
        messages.stream().filter(m -> m.contains("Status: Closed by AWS")).toList();
    assertThat(closed).isNotEmpty();
    assertThat(closed).anySatisfy(m -> assertThat(m).startsWith("✅ AWS closed the case"));
    assertThat(closed).noneSatisfy(m -> assertThat(m).contains("a reply is expected"));
    assertThat(closed).noneSatisfy(m -> assertThat(m).contains("Time left"));
  }

  @Test
  void aSampleNotLoadedBeforeIsLoadedAloneOnTheNextStart() throws Exception {
    Run first = start();
    List<String> loaded = Files.readAllLines(dir.resolve(DemoData.MARKER));
    assertThat(loaded).contains("abuse-copyright-global.json");
    Files.write(
        dir.resolve(DemoData.MARKER),
        loaded.stream().filter(name -> !name.equals("abuse-copyright-global.json")).toList());
    clock.advance(Duration.ofMinutes(10));

    Run second = start();

    assertThat(second.spooled()).isEqualTo(1);
    assertThat(Files.readAllLines(dir.resolve(DemoData.MARKER)))
        .containsExactlyInAnyOrderElementsOf(loaded);
    assertThat(messages(second.console()))
        .singleElement()
        .satisfies(m -> assertThat(m).startsWith("📨 Update from AWS — Copyright infringement"));
    assertThat(second.messages()).isEqualTo(first.messages() + 1);
  }
}
