package dev.abusedesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.abusedesk.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample with an expected file yields exactly the expected fields. */
class SharedFixturesTest {

  static Stream<String> samplesWithExpectations() {
    return Fixtures.reports().stream()
        .filter(p -> Files.exists(Fixtures.file("expected/" + baseName(p) + ".json")));
  }

  @ParameterizedTest
  @MethodSource("samplesWithExpectations")
  void parsesEveryExpectedField(String fixture) throws IOException {
    JsonNode expected =
        Json.MAPPER.readTree(Fixtures.file("expected/" + baseName(fixture) + ".json").toFile());
    Parsed parsed =
        new ReportParser().parse(Fixtures.bytes(fixture), Instant.parse("2030-01-01T00:00:00Z"));

    assertThat(parsed).isInstanceOf(Parsed.Read.class);
    assertThat(((Parsed.Read) parsed).reports()).hasSize(1);
    JsonNode actual =
        Json.MAPPER.readTree(ReportJson.line(fixture, ((Parsed.Read) parsed).reports().get(0)));
    for (Map.Entry<String, JsonNode> field : expected.properties()) {
      assertThat(actual.get(field.getKey()))
          .as("%s: %s", fixture, field.getKey())
          .isEqualTo(field.getValue());
    }
  }

  private static String baseName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.substring(0, name.lastIndexOf('.'));
  }
}
