package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} through the real launcher: listeners from the flags, the loopback defaults for a
 * configuration without any, and flags that would open a listener beyond loopback without the
 * credentials the configuration must give.
 */
class ServeListenersIT {

  @TempDir Path dir;

  @Test
  void aConfigurationWithoutIntakeServesOnLoopbackAndLogsIt() throws Exception {
    Path config = Files.writeString(dir.resolve("abusedesk.yaml"), "timezone: Asia/Tokyo\n");
    int http = Daemons.freePort();
    int smtp = Daemons.freePort();
    Path log = dir.resolve("serve.log");

    Process serve =
        Daemons.start(
            config,
            dir.resolve("data"),
            http,
            log,
            "--http",
            "127.0.0.1:" + http,
            "--smtp",
            "127.0.0.1:" + smtp);
    try {
      assertThat(Daemons.get(http, "/dashboard")).isEqualTo(200);
      assertThat(banner(smtp)).startsWith("220 ");
      assertThat(Files.readString(log, StandardCharsets.UTF_8))
          .contains(
              "no intake listeners in the configuration: SMTP on 127.0.0.1:"
                  + smtp
                  + " and HTTP on 127.0.0.1:"
                  + http
                  + ", loopback only");
    } finally {
      stop(serve);
    }
  }

  @Test
  void noSmtpRunsOnlyTheHttpListener() throws Exception {
    Path config = Files.writeString(dir.resolve("abusedesk.yaml"), "");
    int http = Daemons.freePort();
    int smtp = Daemons.freePort();

    Process serve =
        Daemons.start(
            config,
            dir.resolve("data"),
            http,
            dir.resolve("serve.log"),
            "--http",
            "127.0.0.1:" + http,
            "--no-smtp");
    try {
      assertThat(Daemons.get(http, "/livez")).isEqualTo(200);
      assertThat(Files.readString(dir.resolve("serve.log")))
          .contains("no intake listeners in the configuration: HTTP on 127.0.0.1:" + http)
          .doesNotContain("smtp listening");
      assertThat(banner(smtp)).isEmpty();
    } finally {
      stop(serve);
    }
  }

  @Test
  void anHttpListenerBeyondLoopbackWithoutATokenIsOneLineAndExit78() {
    Launcher.Result result =
        Launcher.run(
            Map.of(),
            null,
            "serve",
            "--http",
            "0.0.0.0:8080",
            "--data-dir",
            dir.resolve("data").toString());

    assertThat(result.exitCode()).isEqualTo(78);
    assertThat(result.err())
        .isEqualTo(
            "abusedesk serve: --http 0.0.0.0:8080: beyond loopback the HTTP listener needs a"
                + " token; set intake.http.token in the configuration\n");
  }

  /** The SMTP greeting on {@code port}, or empty when nothing listens. */
  private static String banner(int port) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      byte[] line = new byte[512];
      int read = socket.getInputStream().read(line);
      return read <= 0 ? "" : new String(line, 0, read, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return "";
    }
  }

  private static void stop(Process serve) throws InterruptedException {
    serve.destroy();
    if (!serve.waitFor(20, TimeUnit.SECONDS)) {
      serve.destroyForcibly();
    }
  }
}
