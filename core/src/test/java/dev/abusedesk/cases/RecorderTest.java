package dev.abusedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderTest {

  private static final Instant NOW = Instant.parse("2025-11-10T00:00:00Z");

  @TempDir Path dir;
  private SqlCaseStore store;
  private Recorder recorder;

  @BeforeEach
  void open() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    store = SqlCaseStore.open(Database.sqlite(dir.resolve("cases.db")), clock);
    recorder = new Recorder(FileSpool.open(dir, clock), store, Fixtures.parser());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void recordsAMessageUnderItsIdempotencyKeyOnceHoweverOftenItIsRetried() {
    byte[] raw = Fixtures.bytes("email/ec2-abuse-dos.eml");

    Recorder.Taken first = recorder.record(raw, "s3:bucket/inbound/abc", "ses", NOW);
    Recorder.Taken again = recorder.record(raw, "s3:bucket/inbound/abc", "ses", NOW);

    assertThat(first).isInstanceOf(Recorder.Taken.Stored.class);
    assertThat(((Recorder.Taken.Stored) first).recorded())
        .singleElement()
        .isInstanceOf(Recorded.Opened.class);
    assertThat(((Recorder.Taken.Stored) again).recorded())
        .singleElement()
        .isInstanceOf(Recorded.AlreadyRecorded.class);
    assertThat(store.list(CaseQuery.all())).hasSize(1);
  }

  @Test
  void saysWhyAMessageHoldsNoReportAndRecordsNothing() {
    Recorder.Taken taken =
        recorder.record("{\"hello\":1}".getBytes(StandardCharsets.UTF_8), "sqs:1", "sqs", NOW);

    assertThat(taken).isInstanceOf(Recorder.Taken.Unreadable.class);
    assertThat(((Recorder.Taken.Unreadable) taken).reason()).contains("not an AWS Health event");
    assertThat(store.isRecorded("sqs:1")).isFalse();
  }

  @Test
  void refusesAnIdempotencyKeyTheStoreCannotHold() {
    assertThatThrownBy(() -> recorder.record(new byte[] {1}, "x".repeat(91), "sqs", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
