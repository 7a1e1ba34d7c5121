package dev.abusedesk.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Real {@code ./abusedesk serve} processes for end-to-end tests. */
final class Daemons {

  private Daemons() {}

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts {@code serve} and waits until its HTTP health check answers. */
  static Process start(Path config, Path dataDir, int httpPort, Path log, String... extra) {
    return start(Map.of(), config, dataDir, httpPort, log, extra);
  }

  /** Starts {@code serve} with {@code env} (such as {@code JAVA_OPTS}) and waits for its health. */
  static Process start(
      Map<String, String> env, Path config, Path dataDir, int httpPort, Path log, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("serve", "--config", config.toString(), "--data-dir", dataDir.toString()));
    args.addAll(List.of(extra));
    try {
      Process p =
          Launcher.builder(env, args)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < until) {
        if (!p.isAlive()) {
          throw new IllegalStateException("serve exited with " + p.exitValue() + "; see " + log);
        }
        if (get(httpPort, "/healthz") > 0) {
          return p;
        }
        Thread.sleep(100);
      }
      p.destroyForcibly();
      throw new IllegalStateException("serve did not start; see " + log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The status of a GET, or -1 when nothing answers. */
  static int get(int port, String path) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  static String body(int port, String path) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** One SMTP transaction; true only when the server answered 250 to the message. */
  static boolean sendMail(int port, String mail) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      if (!reply(in).startsWith("220")) {
        return false;
      }
      for (String command :
          new String[] {
            "HELO test",
            "MAIL FROM:<ec2-abuse@amazon.com>",
            "RCPT TO:<security@example.com>",
            "DATA"
          }) {
        out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
        String answer = reply(in);
        if (!(answer.startsWith("250") || answer.startsWith("354"))) {
          return false;
        }
      }
      String body = mail.replace("\r\n", "\n").replace("\n", "\r\n").replaceAll("(?m)^\\.", "..");
      out.write((body + "\r\n.\r\n").getBytes(StandardCharsets.UTF_8));
      boolean accepted = reply(in).startsWith("250");
      out.write("QUIT\r\n".getBytes(StandardCharsets.UTF_8));
      return accepted;
    } catch (IOException e) {
      return false;
    }
  }

  private static String reply(BufferedReader in) throws IOException {
    String line;
    do {
      line = in.readLine();
      if (line == null) {
        return "";
      }
    } while (line.length() > 3 && line.charAt(3) == '-');
    return line;
  }
}
