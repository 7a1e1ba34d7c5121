package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.abusedesk.report.Json;
import dev.abusedesk.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail-server pipe, end to end through the real launcher and jar: a message acknowledged with
 * exit 0 is never lost, and every failure to take it exits 75 so the mail server retries.
 */
class IngestIT {

  @TempDir Path dir;

  private static final byte[] NOTICE = Fixtures.bytes("email/ec2-abuse-dos.eml");

  @Test
  void acceptsAMessageAndRecordsItAsACase() throws Exception {
    Path data = dir.resolve("data");

    Launcher.Result ingest =
        Launcher.run(Map.of("ABUSEDESK_DATA", data.toString()), NOTICE, "ingest");
    Launcher.Result list =
        Launcher.run(Map.of(), null, "cases", "list", "--json", "--data-dir", data.toString());

    assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    JsonNode cases = Json.MAPPER.readTree(list.out());
    assertThat(cases).hasSize(1);
    assertThat(cases.get(0).path("aws_case_ids").get(0).asText()).isEqualTo("20816735");
    assertThat(Files.list(data.resolve("spool/new"))).isEmpty();
  }

  @Test
  void exitsTempFailWhenTheDataDirectoryCannotBeCreated() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");

    Launcher.Result result =
        Launcher.run(
            Map.of(), NOTICE, "ingest", "--data-dir", notADirectory.resolve("data").toString());

    assertThat(result.exitCode()).isEqualTo(75);
    assertThat(result.err())
        .startsWith(
            "abusedesk ingest: cannot create the spool under "
                + notADirectory.resolve("data").resolve("spool")
                + ": ")
        .endsWith("; the mail server will retry\n")
        .doesNotContain("\tat ");
    assertThat(result.err().lines()).hasSize(1);
  }

  @Test
  void namesTheFileItCannotReadAndExitsTempFail() {
    Launcher.Result result =
        Launcher.run(
            Map.of(), null, "ingest", "nope.eml", "--data-dir", dir.resolve("data").toString());

    assertThat(result.exitCode()).isEqualTo(75);
    assertThat(result.err())
        .isEqualTo(
            "abusedesk ingest: cannot read nope.eml: no such file; the mail server will retry\n");
  }

  @Test
  void namesAMissingConfigurationAndExitsTempFail() {
    Path missing = dir.resolve("abusedesk.yaml");

    Launcher.Result result =
        Launcher.run(Map.of(), NOTICE, "ingest", "--config", missing.toString());

    assertThat(result.exitCode()).isEqualTo(75);
    assertThat(result.err())
        .isEqualTo(
            "abusedesk: --config " + missing + ": no such file; the mail server will retry\n");
  }

  @Test
  void aUsageMistakeIsOneLineAndStillTempFailForTheMailServer() {
    Launcher.Result result = Launcher.run(Map.of(), NOTICE, "ingest", "--deliver-in", "5s");

    assertThat(result.exitCode()).isEqualTo(75);
    assertThat(result.err())
        .isEqualTo(
            "abusedesk ingest: unknown option --deliver-in (did you mean --deliver-within or"
                + " --debug?); see 'abusedesk ingest --help'\n");
  }

  @Test
  void exitsTempFailOnAReadOnlyFileSystem() {
    Path mount = dir.resolve("ro");
    mount.toFile().mkdirs();

    Launcher.Result result = underMount(mount, "ro", NOTICE);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(75);
  }

  @Test
  void exitsTempFailWhenTheDiskIsFull() {
    Path mount = dir.resolve("full");
    mount.toFile().mkdirs();
    byte[] big = new byte[256 * 1024]; // larger than the 64 KiB file system
    byte[] head = NOTICE;
    System.arraycopy(head, 0, big, 0, head.length);

    Launcher.Result result = underMount(mount, "rw", big);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(75);
  }

  /** Runs ingest with its data dir on a 64 KiB tmpfs in a private mount namespace. */
  private static Launcher.Result underMount(Path mount, String mode, byte[] stdin) {
    String script =
        "mount -t tmpfs -o size=64k tmpfs '"
            + mount
            + "' && mkdir -p '"
            + mount
            + "/data/spool/new' '"
            + mount
            + "/data/spool/tmp' && mount -o remount,"
            + mode
            + " '"
            + mount
            + "' && exec '"
            + Launcher.SCRIPT
            + "' ingest --data-dir '"
            + mount
            + "/data'";
    ProcessBuilder pb =
        new ProcessBuilder("unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script)
            .directory(Launcher.ROOT.toFile());
    pb.environment().remove("JAVA_OPTS");
    return Launcher.run(pb, stdin);
  }

  @Test
  void exitsTempFailWhenTheJvmCannotStart() {
    Launcher.Result badOptions =
        Launcher.run(
            Map.of("JAVA_OPTS", "-Xmx1k", "ABUSEDESK_DATA", dir.toString()), NOTICE, "ingest");
    Launcher.Result noJava =
        Launcher.run(
            Map.of("JAVA_HOME", dir.resolve("no-jdk").toString(), "ABUSEDESK_DATA", dir.toString()),
            NOTICE,
            "ingest");

    assertThat(badOptions.exitCode()).isEqualTo(75);
    assertThat(noJava.exitCode()).isEqualTo(75);
  }

  @Test
  void losesNothingAndRecordsNothingTwiceWhenConcurrentIngestsAreKilled() throws Exception {
    Path data = dir.resolve("data");
    String template = new String(NOTICE, StandardCharsets.UTF_8);
    int count = 100;
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String number = Integer.toString(30_000_000 + i);
      byte[] message =
          template
              .replace("20816735", number)
              .replace("0100018f2a1b2c3d", "0100018f2a1b" + String.format("%04d", i))
              .getBytes(StandardCharsets.UTF_8);
      Process p =
          Launcher.builder(Map.of(), List.of("ingest", "--data-dir", data.toString()))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      try (var in = p.getOutputStream()) {
        in.write(message);
      }
      processes.add(p);
    }
    Random random = new Random(7);
    Set<Integer> killed = new HashSet<>();
    for (int i = 0; i < count; i++) {
      if (random.nextInt(5) == 0) {
        Thread.sleep(random.nextInt(40));
        processes.get(i).destroyForcibly(); // SIGKILL
        killed.add(i);
      }
    }
    Set<String> acknowledged = new HashSet<>();
    for (int i = 0; i < count; i++) {
      Process p = processes.get(i);
      assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
      if (p.exitValue() == 0) {
        acknowledged.add(Integer.toString(30_000_000 + i));
      } else if (!killed.contains(i)) {
        assertThat(p.exitValue()).as("ingest %d", i).isEqualTo(75);
      }
    }

    Launcher.Result process =
        Launcher.run(Map.of(), null, "process", "--data-dir", data.toString());
    Launcher.Result list =
        Launcher.run(Map.of(), null, "cases", "list", "--json", "--data-dir", data.toString());

    assertThat(process.exitCode()).as(process.err()).isZero();
    Set<String> recorded = new HashSet<>();
    for (JsonNode c : Json.MAPPER.readTree(list.out())) {
      assertThat(c.path("reports").asInt())
          .as("reports of %s", c.path("aws_case_ids"))
          .isEqualTo(1);
      recorded.add(c.path("aws_case_ids").get(0).asText());
    }
    assertThat(killed).isNotEmpty();
    assertThat(acknowledged.size()).isGreaterThan(count / 2);
    assertThat(recorded).containsAll(acknowledged);
    assertThat(Files.list(data.resolve("spool/new"))).isEmpty();
  }
}
