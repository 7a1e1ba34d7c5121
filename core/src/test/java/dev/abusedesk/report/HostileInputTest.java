package dev.abusedesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.abusedesk.testing.HostileInputs;
import dev.abusedesk.testing.ReportInvariants;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing a sender can put in a file crashes or hangs the parser: each input yields exactly one
 * outcome. The time limit only guards against hangs; speed is measured in the benchmarks.
 */
class HostileInputTest {

  private static final Duration HANG_GUARD = Duration.ofSeconds(30);

  static List<HostileInputs.Input> inputs() {
    return HostileInputs.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void yieldsOneOutcomeWithoutThrowing(HostileInputs.Input input) {
    byte[] bytes = input.bytes();

    Parsed parsed =
        assertTimeoutPreemptively(
            HANG_GUARD, () -> new ReportParser().parse(bytes, Instant.EPOCH), input.name());

    ReportInvariants.check(parsed);
    if (parsed instanceof Parsed.Read read) {
      assertThat(read.reports()).as(input.name()).hasSize(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"empty", "only-whitespace"})
  void readsNothingButWhitespaceAsEmpty(String name) {
    assertThat(parse(name)).isEqualTo(new Parsed.Unreadable("empty input"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"only-nul-bytes", "binary-garbage", "json-null", "json-number", "json-string"})
  void readsInputWithoutHeaderFieldsAsNoMail(String name) {
    assertThat(parse(name)).isInstanceOf(Parsed.Unreadable.class);
  }

  @Test
  void keepsTheReportHeadersBehindTwentyThousandOthers() {
    Report report = ((Parsed.Read) parse("20000-headers")).reports().get(0);

    assertThat(report.caseId()).isEqualTo("20816735");
    assertThat(report.receivedAt()).isEqualTo(Instant.parse("2025-10-14T03:12:40Z"));
  }

  @Test
  void dropsAHealthIdentifierLongerThanAnyArn() {
    Report report = ((Parsed.Read) parse("json-7mb-string")).reports().get(0);

    assertThat(report.caseId()).isNull();
  }

  @Test
  void readsTheNoticeBeforeA25MegabyteAttachmentWithoutCallingItTruncated() {
    Report report = ((Parsed.Read) parse("25mb-base64-attachment")).reports().get(0);

    assertThat(report.resources()).containsExactly("i-0a1b2c3d4e5f60718");
    assertThat(report.truncated()).isFalse();
  }

  private static Parsed parse(String name) {
    HostileInputs.Input input =
        HostileInputs.all().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    return new ReportParser().parse(input.bytes(), Instant.EPOCH);
  }
}
