package dev.abusedesk.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code ./abusedesk} launcher on the packaged jar, as a user or a mail server does.
 */
final class Launcher {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path SCRIPT = ROOT.resolve("abusedesk");

  record Result(int exitCode, String out, String err) {}

  private Launcher() {}

  static ProcessBuilder builder(Map<String, String> env, List<String> command) {
    List<String> full = new ArrayList<>();
    full.add(SCRIPT.toString());
    full.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(full).directory(ROOT.toFile());
    pb.environment().remove("JAVA_OPTS");
    pb.environment().remove("ABUSEDESK_DATA");
    pb.environment().putAll(env);
    return pb;
  }

  static Result run(Map<String, String> env, byte[] stdin, String... command) {
    return run(builder(env, List.of(command)), stdin);
  }

  /** Runs any command line (for wrappers such as {@code unshare}) with the launcher's env. */
  static Result run(ProcessBuilder pb, byte[] stdin) {
    try {
      Path out = Files.createTempFile("abusedesk-out", ".txt");
      Path err = Files.createTempFile("abusedesk-err", ".txt");
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process p = pb.start();
      try (var in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin);
        }
      } catch (IOException e) {
        // The process may exit before reading its input: its exit code tells.
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + pb.command());
      }
      Result result =
          new Result(
              p.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
