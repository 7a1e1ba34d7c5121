package dev.abusedesk.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.abusedesk.cases.Database;
import dev.abusedesk.cases.SqlCaseStore;
import dev.abusedesk.testing.EmbeddedPostgres;
import dev.abusedesk.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cold-start benchmark (docs/benchmarks.md, "Lambda cold start"): each run is a fresh JVM that
 * loads the packaged jar, constructs a handler (the init phase: configuration, store connection,
 * SDK client) and handles one event against a real PostgreSQL and loopback AWS APIs; with and
 * without a class-data-sharing archive. Run it with:
 *
 * <pre>./mvnw -pl core,lambda verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=ColdStartBenchmarkIT -Dbenchmark=true</pre>
 *
 * Results go to standard output and {@code lambda/target/cold-start.md}. No timing is asserted.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ColdStartBenchmarkIT {

  static final int RUNS = Integer.getInteger("benchmark.runs", 7);
  static final List<String> JVM =
      List.of(
          "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

  @TempDir Path dir;

  @Test
  void measuresInitAndTheFirstEventInFreshJvms() throws IOException {
    try (MailStubs stubs = new MailStubs()) {
      stubs.objects.put(
          "abusedesk-mail-123456789012/inbound/o3vrnil0e2ic28trm7dfhrc2v0cl2jk4nbp0g101",
          Fixtures.bytes("email/ec2-abuse-dos.eml"));
      Path archive = dir.resolve("lambda.jsa");
      // Training run: the classes one SQS and one SES event load go into the archive.
      List<String> training = new ArrayList<>(JVM);
      training.add("-XX:ArchiveClassesAtExit=" + archive);
      assertThat(
              SlimJar.run(
                      "sqs", SlimJarIT.event(dir, "sqs-health-batch.json"), env(stubs), training)
                  .exitCode())
          .isZero();
      List<String> withCds = new ArrayList<>(JVM);
      withCds.add("-XX:SharedArchiveFile=" + archive);

      StringBuilder table = new StringBuilder();
      table.append(
          "| function | class data sharing | init ms | first event ms | whole process ms |\n");
      table.append("|---|---|---:|---:|---:|\n");
      for (String handler : List.of("sqs", "ses", "tick")) {
        Path event =
            SlimJarIT.event(
                dir,
                switch (handler) {
                  case "sqs" -> "sqs-health-batch.json";
                  case "ses" -> "ses-lambda-action.json";
                  default -> "scheduled-tick.json";
                });
        for (boolean cds : List.of(false, true)) {
          List<double[]> samples = new ArrayList<>();
          for (int i = 0; i < RUNS; i++) {
            SlimJar.Run run = SlimJar.run(handler, event, env(stubs), cds ? withCds : JVM);
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode t = Json.read(run.timings().getBytes(StandardCharsets.UTF_8));
            samples.add(
                new double[] {
                  t.path("init_ms").asDouble(),
                  t.path("first_event_ms").asDouble(),
                  run.wallMillis()
                });
          }
          table.append(
              String.format(
                  "| %s | %s | %.0f | %.0f | %.0f |%n",
                  handler,
                  cds ? "archive" : "none",
                  median(samples, 0),
                  median(samples, 1),
                  median(samples, 2)));
        }
      }
      String result =
          "Medians of "
              + RUNS
              + " fresh JVMs each ("
              + System.getProperty("java.vm.name")
              + " "
              + Runtime.version()
              + ", "
              + Runtime.getRuntime().availableProcessors()
              + " CPUs).\n\n"
              + table;
      System.out.println(result);
      Files.writeString(Path.of("target", "cold-start.md"), result);
    }
  }

  /** A fresh, migrated database per run: every event is new to it. */
  private Map<String, String> env(MailStubs stubs) {
    String url = EmbeddedPostgres.freshDatabase();
    SqlCaseStore.open(Database.postgresql(url, "postgres", null), Clock.systemUTC()).close();
    return SlimJarIT.env(url, stubs, dir);
  }

  private static double median(List<double[]> samples, int column) {
    double[] values = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
    return values.length % 2 == 1
        ? values[values.length / 2]
        : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
  }
}
