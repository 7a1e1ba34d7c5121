package dev.abusedesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.abusedesk.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample with an expected file yields exactly the expected fields. An expected file holds one
 * object per output line: a single object for one report (or for an error line, with its {@code
 * error} key), an array when one input yields several reports. Keys it leaves out, at any depth,
 * are not checked.
 */
class SharedFixturesTest {

  static Stream<String> samplesWithExpectations() {
    return Fixtures.reports().stream()
        .filter(p -> Files.exists(Fixtures.file("expected/" + baseName(p) + ".json")));
  }

  @ParameterizedTest
  @MethodSource("samplesWithExpectations")
  void parsesEveryExpectedField(String fixture) throws IOException {
    JsonNode expectedFile =
        Json.MAPPER.readTree(Fixtures.file("expected/" + baseName(fixture) + ".json").toFile());
    List<JsonNode> expected = new ArrayList<>();
    if (expectedFile.isArray()) {
      expectedFile.forEach(expected::add);
    } else {
      expected.add(expectedFile);
    }

    List<JsonNode> actual = lines(fixture);

    assertThat(actual).as("%s: output lines", fixture).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertHasFields(fixture + "[" + i + "]", actual.get(i), expected.get(i));
    }
  }

  /** The fields an expected object names, nested objects included; others are not checked. */
  private static void assertHasFields(String path, JsonNode actual, JsonNode expected) {
    for (Map.Entry<String, JsonNode> field : expected.properties()) {
      String fieldPath = path + "." + field.getKey();
      JsonNode value = actual == null ? null : actual.get(field.getKey());
      if (field.getValue().isObject()) {
        assertThat(value).as(fieldPath).isNotNull();
        assertHasFields(fieldPath, value, field.getValue());
      } else {
        assertThat(value).as(fieldPath).isEqualTo(field.getValue());
      }
    }
  }

  /** The lines {@code abusedesk parse} prints for a fixture, as JSON trees. */
  private static List<JsonNode> lines(String fixture) throws IOException {
    Parsed parsed =
        new ReportParser().parse(Fixtures.bytes(fixture), Instant.parse("2030-01-01T00:00:00Z"));
    List<JsonNode> lines = new ArrayList<>();
    if (parsed instanceof Parsed.Read read) {
      for (Report report : read.reports()) {
        lines.add(Json.MAPPER.readTree(ReportJson.line(fixture, report)));
      }
    } else if (parsed instanceof Parsed.Unreadable unreadable) {
      lines.add(Json.MAPPER.readTree(ReportJson.error(fixture, unreadable.reason())));
    }
    return lines;
  }

  private static String baseName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.substring(0, name.lastIndexOf('.'));
  }
}
