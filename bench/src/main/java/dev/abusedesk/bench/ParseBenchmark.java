package dev.abusedesk.bench;

import dev.abusedesk.report.Parsed;
import dev.abusedesk.report.Report;
import dev.abusedesk.report.ReportJson;
import dev.abusedesk.report.ReportParser;
import dev.abusedesk.report.SampleReports;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse throughput, in messages per second, of the three shapes most reports take: a typical {@code
 * ec2-abuse@amazon.com} notice with its complaint inline, a notice with an attached ARF complaint
 * (multipart, nested message), and an AWS Health event. {@code noticeToJsonLine} adds what {@code
 * abusedesk parse} does after parsing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {

  private static final Instant READ_AT = Instant.parse("2030-01-01T00:00:00Z");

  private final ReportParser parser = new ReportParser();
  private byte[] notice;
  private byte[] arfMail;
  private byte[] healthEvent;

  @Setup
  public void load() {
    notice = SampleReports.bytes("ec2-abuse-dos.eml");
    arfMail = SampleReports.bytes("arf-attached-spam.eml");
    healthEvent = SampleReports.bytes("abuse-dos.json");
    for (byte[] sample : new byte[][] {notice, arfMail, healthEvent}) {
      if (!(parser.parse(sample, READ_AT) instanceof Parsed.Read)) {
        throw new IllegalStateException("a benchmark sample no longer parses");
      }
    }
  }

  @Benchmark
  public Parsed notice() {
    return parser.parse(notice, READ_AT);
  }

  @Benchmark
  public Parsed arfMail() {
    return parser.parse(arfMail, READ_AT);
  }

  @Benchmark
  public Parsed healthEvent() {
    return parser.parse(healthEvent, READ_AT);
  }

  @Benchmark
  public String noticeToJsonLine() {
    Report report = ((Parsed.Read) parser.parse(notice, READ_AT)).reports().get(0);
    return ReportJson.line("notice.eml", report);
  }
}
