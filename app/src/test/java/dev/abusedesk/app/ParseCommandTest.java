package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.HostileInputs;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code abusedesk parse} as a user runs it: one line per input, in order, and an honest exit code.
 */
class ParseCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private record Run(int exitCode, List<JsonNode> lines, String err) {}

  private static Run parse(List<String> files) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>();
    args.add("parse");
    args.addAll(files);
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n", -1)) {
      if (!line.isEmpty()) {
        lines.add(JSON.readTree(line));
      }
    }
    return new Run(code, lines, err.toString());
  }

  @Test
  void printsOneLinePerHostileInputInOrderAndExitsOneWhenAnyErred() throws IOException {
    List<String> files = new ArrayList<>();
    for (HostileInputs.Input input : HostileInputs.all()) {
      Path file = dir.resolve(input.name());
      try (OutputStream out = Files.newOutputStream(file)) {
        input.content().writeTo(out);
      }
      files.add(file.toString());
    }

    // A hang guard, not a timing goal: speed is measured in bench/.
    Run run = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> parse(files));

    assertThat(run.lines()).hasSize(files.size());
    assertThat(run.lines()).extracting(line -> line.get("source").asText()).isEqualTo(files);
    assertThat(run.lines()).anyMatch(line -> line.has("error"));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void exitsZeroWhenEveryInputWasRead() throws IOException {
    Run run =
        parse(
            List.of(
                Fixtures.file("email/ec2-abuse-dos.eml").toString(),
                Fixtures.file("health/eventbridge-array-of-two.json").toString()));

    assertThat(run.exitCode()).isZero();
    assertThat(run.lines())
        .extracting(line -> line.get("kind").asText())
        .containsExactly("notice", "notice", "notice");
  }

  @Test
  void reportsAMissingFileOnItsLineAndGoesOn() throws IOException {
    String present = Fixtures.file("email/ts-port-scan.eml").toString();
    String missing = dir.resolve("no-such.eml").toString();

    Run run = parse(List.of(missing, present, dir.toString()));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.lines()).hasSize(3);
    assertThat(run.lines().get(0).get("error").asText()).isEqualTo("no such file");
    assertThat(run.lines().get(1).get("case_id").asText()).isEqualTo("11983634034-1");
    assertThat(run.lines().get(2).get("error").asText()).isEqualTo("is a directory");
  }
}
