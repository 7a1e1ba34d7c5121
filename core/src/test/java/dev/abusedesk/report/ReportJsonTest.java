package dev.abusedesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The store keeps parsed reports as {@link ReportJson}: what it reads back is what was parsed. */
class ReportJsonTest {

  private static final Instant READ_AT = Instant.parse("2030-01-01T00:00:00Z");

  static Stream<String> fixtures() {
    return Fixtures.reports().stream();
  }

  static Stream<String> samples() {
    return SampleReports.names().stream();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void readsBackEveryReportOfEveryFixtureAsParsed(String fixture) {
    for (Report report : reports(Fixtures.bytes(fixture))) {
      assertThat(ReportJson.read(ReportJson.object(report))).as(fixture).isEqualTo(report);
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void readsBackEveryBundledSampleAsParsed(String sample) {
    for (Report report : reports(SampleReports.bytes(sample))) {
      assertThat(ReportJson.read(ReportJson.object(report))).as(sample).isEqualTo(report);
    }
  }

  @Test
  void theFixturesCoverEveryKindChannelAndTrust() {
    List<Report> all = fixtures().flatMap(f -> reports(Fixtures.bytes(f)).stream()).toList();

    assertThat(all).extracting(Report::kind).contains(Kind.values());
    assertThat(all).extracting(Report::channel).contains(Channel.values());
    assertThat(all).extracting(r -> r.provenance().trust()).contains(Provenance.Trust.values());
  }

  private static List<Report> reports(byte[] raw) {
    return Fixtures.parser().parse(raw, READ_AT) instanceof Parsed.Read read
        ? read.reports()
        : List.of();
  }
}
