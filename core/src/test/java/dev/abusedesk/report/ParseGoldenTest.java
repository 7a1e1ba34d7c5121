package dev.abusedesk.report;

import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.Golden;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole parse output of every fixture, all keys, as reviewed golden files. */
class ParseGoldenTest {

  /** Stands in for the time of reading, for fixtures without a usable date. */
  static final Instant READ_AT = Instant.parse("2030-01-01T00:00:00Z");

  static List<String> fixtures() {
    return Fixtures.reports();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void matchesItsGoldenFile(String fixture) throws Exception {
    Parsed parsed = Fixtures.parser().parse(Fixtures.bytes(fixture), READ_AT);
    StringBuilder out = new StringBuilder();
    if (parsed instanceof Parsed.Read read) {
      for (Report report : read.reports()) {
        Object tree = Json.MAPPER.readTree(ReportJson.line(fixture, report));
        out.append(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        out.append('\n');
      }
    } else if (parsed instanceof Parsed.Unreadable unreadable) {
      out.append(ReportJson.error(fixture, unreadable.reason())).append('\n');
    }
    String name = fixture.substring(0, fixture.lastIndexOf('.'));
    Golden.assertMatches("parse/" + name + ".json", out.toString());
  }
}
