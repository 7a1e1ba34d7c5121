package dev.abusedesk.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of an external program (dpkg-deb, lintian, the launcher), with what it printed. */
record Command(int exitCode, String out, String err) {

  static Command run(List<String> command) {
    return run(command, Map.of(), null);
  }

  /**
   * Runs {@code command} in {@code directory} (the test's when null) with {@code env} added to this
   * process's environment, minus the variables that would steer the launcher.
   */
  static Command run(List<String> command, Map<String, String> env, Path directory) {
    try {
      Path out = Files.createTempFile("dist-out", ".txt");
      Path err = Files.createTempFile("dist-err", ".txt");
      try {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (directory != null) {
          pb.directory(directory.toFile());
        }
        for (String steering : List.of("JAVA_OPTS", "ABUSEDESK_DATA", "STATE_DIRECTORY")) {
          pb.environment().remove(steering);
        }
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new IllegalStateException("timed out: " + command);
        }
        return new Command(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code program} is on the PATH. */
  static boolean exists(String program) {
    return run(List.of("sh", "-c", "command -v " + program)).exitCode() == 0;
  }

  /** Fails with everything the program printed unless it exited 0. */
  Command succeeded() {
    if (exitCode != 0) {
      throw new AssertionError("exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err);
    }
    return this;
  }
}
