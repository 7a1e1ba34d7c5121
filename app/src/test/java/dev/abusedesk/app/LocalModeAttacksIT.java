package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's local mode (no logins, loopback listener) against the packaged daemon, as a
 * browser on the same machine would reach it after DNS rebinding, or a reverse proxy would: only a
 * request to localhost or a loopback literal with the daemon's own port, not forwarded, gets in.
 */
class LocalModeAttacksIT {

  @TempDir Path dir;

  @Test
  void onlyLocalhostOrALoopbackLiteralWithTheBoundPortGetsTheLocalDesk() throws Exception {
    int httpPort = Daemons.freePort();
    Path config = dir.resolve("abusedesk.yaml");
    Files.writeString(
        config,
        """
        intake:
          http: {listen: "127.0.0.1:%d"}
        """
            .formatted(httpPort));
    Process daemon = Daemons.start(config, dir.resolve("data"), httpPort, dir.resolve("log"));
    try {
      assertThat(status(httpPort, "127.0.0.1:" + httpPort, "")).isEqualTo(200);
      assertThat(status(httpPort, "localhost:" + httpPort, "")).isEqualTo(200);

      // DNS rebinding: the attacker's name resolves to 127.0.0.1 for the victim's browser.
      assertThat(status(httpPort, "127.0.0.1.attacker.example:" + httpPort, "")).isEqualTo(403);
      assertThat(status(httpPort, "attacker.example:" + httpPort, "")).isEqualTo(403);
      // Another port: another service's origin.
      assertThat(status(httpPort, "127.0.0.1:1", "")).isEqualTo(403);
      // A reverse proxy on the same host: every visitor would look local.
      assertThat(status(httpPort, "127.0.0.1:" + httpPort, "X-Forwarded-For: 203.0.113.9\r\n"))
          .isEqualTo(403);
      assertThat(status(httpPort, "127.0.0.1:" + httpPort, "Forwarded: for=203.0.113.9\r\n"))
          .isEqualTo(403);
    } finally {
      daemon.destroy();
      daemon.waitFor(15, TimeUnit.SECONDS);
    }
  }

  /** The status of {@code GET /dashboard} sent by hand, with any Host and extra headers. */
  private static int status(int port, String host, String headers) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /dashboard HTTP/1.1\r\nHost: "
                  + host
                  + "\r\n"
                  + headers
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(head.substring(9, 12));
    }
  }
}
