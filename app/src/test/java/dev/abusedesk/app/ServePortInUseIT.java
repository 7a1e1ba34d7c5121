package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} on a port someone else holds: one line saying which, and exit code 1. */
class ServePortInUseIT {

  @TempDir Path dir;

  @Test
  void aTakenHttpPortIsOneLineOnStderrAndExitCode1() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path config = dir.resolve("abusedesk.yaml");
      Files.writeString(
          config, "intake:\n  http: {listen: \"127.0.0.1:" + taken.getLocalPort() + "\"}\n");

      Launcher.Result result =
          Launcher.run(
              Map.of(),
              null,
              "serve",
              "--config",
              config.toString(),
              "--data-dir",
              dir.resolve("data").toString());

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err())
          .isEqualTo(
              "abusedesk serve: cannot listen for HTTP on 127.0.0.1:"
                  + taken.getLocalPort()
                  + ": java.net.BindException: Address already in use"
                  + System.lineSeparator());
    }
  }
}
