package dev.abusedesk.report;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.abusedesk.testing.ReportInvariants;
import java.time.Instant;

/**
 * Whatever bytes arrive, the parser returns one outcome, never throws, and every report it returns
 * keeps its invariants (sorted unique lists, a category exactly when it is abuse, a deadline
 * exactly when AWS expects a reply).
 *
 * <p>In the normal build these run in regression mode: only the seeds under {@code
 * src/test/resources/dev/abusedesk/report/ReportParserFuzzTestInputs/<method>/} (real-shaped
 * samples and every crash found so far). docs/fuzzing.md tells how to fuzz for longer.
 */
class ReportParserFuzzTest {

  private static final Instant READ_AT = Instant.parse("2030-01-01T00:00:00Z");

  @FuzzTest(maxDuration = "5m")
  void anyMailYieldsOneOutcomeThatKeepsTheInvariants(byte[] input) {
    ReportInvariants.check(new ReportParser().parse(input, READ_AT));
  }

  @FuzzTest(maxDuration = "5m")
  void anyJsonYieldsOneOutcomeThatKeepsTheInvariants(byte[] input) {
    // Keep the fuzzer on the JSON path: the first byte decides between mail and JSON.
    byte[] json = input;
    if (input.length == 0 || (input[0] != '{' && input[0] != '[')) {
      json = new byte[input.length + 1];
      json[0] = '{';
      System.arraycopy(input, 0, json, 1, input.length);
    }
    ReportInvariants.check(new ReportParser().parse(json, READ_AT));
  }
}
