package dev.abusedesk.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged Lambda jar, run in a fresh JVM by its local runner, as the Lambda runtime would. */
final class SlimJar {

  static final Path JAR = Path.of("target", "abusedesk-lambda.jar");

  /** One run: the answer, the runner's timings line, and the wall time of the whole process. */
  record Run(int exitCode, String answer, String timings, String err, long wallMillis) {}

  private SlimJar() {}

  static Run run(String handler, Path event, Map<String, String> env, List<String> jvmOptions) {
    return run(List.of(handler, event.toString()), env, jvmOptions);
  }

  /** Runs handler and event pairs in one JVM; the timings are the first pair's. */
  static Run run(List<String> pairs, Map<String, String> env, List<String> jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", JAR.toString(), LocalRunner.class.getName()));
    command.addAll(pairs);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    builder.environment().putAll(env);
    try {
      Path out = Files.createTempFile("runner", ".out");
      Path err = Files.createTempFile("runner", ".err");
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      long start = System.nanoTime();
      Process process = builder.start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("the runner did not finish in 2 minutes");
      }
      long wall = (System.nanoTime() - start) / 1_000_000;
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      String timings =
          stderr.lines().filter(l -> l.startsWith("{\"init_ms\"")).findFirst().orElse("");
      Run run =
          new Run(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8).strip(),
              timings,
              stderr,
              wall);
      Files.delete(out);
      Files.delete(err);
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
