package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.LoopbackHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon from the packaged jar with a 192 MiB heap, under the attack of the issue: 16
 * connections trickling a body a byte a second (to /intake/sns, /slack/actions and a dashboard
 * form) and 8 clients sending unauthenticated 30 MiB bodies to /intake/sns, half with a
 * Content-Length, half chunked, over and over. Health answers within 3 s throughout, the process
 * lives on, and a notice sent over SMTP afterwards is alerted. What it measured is printed (see
 * target/failsafe-reports/*ServeUnderHttpAttackIT-output.txt).
 */
class ServeUnderHttpAttackIT {

  static final String TOPIC = "arn:aws:sns:ap-northeast-1:999900001111:abuse-events";
  static final Duration ATTACK = Duration.ofSeconds(36);
  static final long THIRTY_MIB = 30L << 20;

  @TempDir Path dir;

  @Test
  void healthAnswersWithin3SecondsThroughoutAndMailIsStillAlertedAfterwards() throws Exception {
    try (LoopbackHttp chat = LoopbackHttp.start()) {
      chat.otherwise(LoopbackHttp.Answer.of(200, "ok"));
      int smtpPort = Daemons.freePort();
      int httpPort = Daemons.freePort();
      Path config = dir.resolve("abusedesk.yaml");
      Files.writeString(
          config,
          """
          receivers:
            - name: hook
              webhook: {url: "%s"}
          intake:
            smtp: {listen: "127.0.0.1:%d"}
            http: {listen: "127.0.0.1:%d", sns_topics: ["%s"]}
          """
              .formatted(chat.uri("/hook"), smtpPort, httpPort, TOPIC));
      Path log = dir.resolve("serve.log");
      Process daemon =
          Daemons.start(
              Map.of("JAVA_OPTS", "-Xmx192m"), config, dir.resolve("data"), httpPort, log);
      try {
        long idleRss = rss(daemon.pid());
        long until = System.nanoTime() + ATTACK.toNanos();
        List<Long> health = Collections.synchronizedList(new ArrayList<>());
        List<Long> held = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> trickleAnswers = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicLong rss = new AtomicLong();
        AtomicInteger refusedAtOnce = new AtomicInteger();
        AtomicInteger floods = new AtomicInteger();
        ExecutorService attackers = Executors.newCachedThreadPool();
        String[] trickled = {
          sns("POST /intake/sns", 100_000),
          "POST /slack/actions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slack-Signature: v0=00\r\n"
              + "X-Slack-Request-Timestamp: 1760418000\r\nContent-Length: 60000\r\n\r\n",
          "POST /dashboard/cases/1/move HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n"
        };
        for (int i = 0; i < 16; i++) {
          String head = trickled[i % trickled.length];
          attackers.submit(() -> trickle(httpPort, head, until, held, trickleAnswers));
        }
        for (int i = 0; i < 8; i++) {
          boolean chunked = i % 2 == 1;
          attackers.submit(() -> flood(httpPort, chunked, until, refusedAtOnce, floods));
        }
        attackers.submit(() -> sampleRss(daemon.pid(), until, rss));
        while (System.nanoTime() < until) {
          health.add(health(httpPort));
          Thread.sleep(250);
        }
        attackers.shutdown();
        assertThat(attackers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        long worst = Collections.max(health);
        System.out.printf(
            "healthz: %d polls, worst %d ms, median %d ms%n",
            health.size(), worst, health.stream().sorted().toList().get(health.size() / 2));
        System.out.printf(
            "daemon RSS: %d MiB before, at most %d MiB under attack%n",
            idleRss / 1024, rss.get() / 1024);
        System.out.printf(
            "trickling connections let go: %d, held from %s to %s ms%n",
            held.size(),
            held.stream().min(Long::compare).map(String::valueOf).orElse("-"),
            held.stream().max(Long::compare).map(String::valueOf).orElse("-"));
        System.out.printf("trickling connections were answered: %s%n", trickleAnswers);
        System.out.printf(
            "30 MiB bodies sent: %d; with Content-Length refused before the body: %d%n",
            floods.get(), refusedAtOnce.get());

        assertThat(worst).isLessThan(3000);
        assertThat(daemon.isAlive()).isTrue();
        assertThat(trickleAnswers).isNotEmpty().containsOnlyKeys("HTTP/1.1 408 Request Timeout");
        assertThat(refusedAtOnce).hasPositiveValue();
        String mail = new String(Fixtures.bytes("email/ec2-abuse-dos.eml"), StandardCharsets.UTF_8);
        assertThat(SmtpSession.deliver(smtpPort, mail)).startsWith("250");
        long alertBy = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < alertBy && alerts(chat) == 0) {
          Thread.sleep(200);
        }
        assertThat(alerts(chat)).isPositive();
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
      } finally {
        daemon.destroy();
        daemon.waitFor(15, TimeUnit.SECONDS);
      }
    }
  }

  private static long alerts(LoopbackHttp chat) {
    return chat.requests("/hook").stream().filter(r -> r.body().contains("20816735")).count();
  }

  static String sns(String requestLine, long length) {
    return requestLine
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nx-amz-sns-message-type: Notification\r\n"
        + "x-amz-sns-topic-arn: "
        + TOPIC
        + "\r\nContent-Type: text/plain; charset=UTF-8\r\n"
        + (length < 0 ? "Transfer-Encoding: chunked" : "Content-Length: " + length)
        + "\r\n\r\n";
  }

  /** Milliseconds until /healthz answered 200; 60 s when it did not. */
  private static long health(int port) {
    long start = System.nanoTime();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      send(socket, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      if (statusLine(socket.getInputStream()).startsWith("HTTP/1.1 200")) {
        return (System.nanoTime() - start) / 1_000_000;
      }
    } catch (IOException e) {
      // counted as no answer
    }
    return 60_000;
  }

  /** Sends {@code head}, then a byte a second until answered; again, until {@code until}. */
  private static Void trickle(
      int port, String head, long until, List<Long> held, Map<String, Integer> answers) {
    while (System.nanoTime() < until) {
      long opened = System.nanoTime();
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        socket.setSoTimeout(1000);
        send(socket, head);
        InputStream in = socket.getInputStream();
        while (System.nanoTime() < until) {
          socket.getOutputStream().write('a');
          try {
            String answer = statusLine(in); // a 408, or the end: either way the server let go
            held.add((System.nanoTime() - opened) / 1_000_000);
            answers.merge(answer.isEmpty() ? "closed" : answer, 1, Integer::sum);
            break;
          } catch (SocketTimeoutException e) {
            // a second passed without an answer: the next byte
          }
        }
      } catch (IOException e) {
        held.add((System.nanoTime() - opened) / 1_000_000);
      }
    }
    return null;
  }

  /** Sends 30 MiB bodies to /intake/sns as fast as the server takes them, until {@code until}. */
  private static Void flood(
      int port, boolean chunked, long until, AtomicInteger refusedAtOnce, AtomicInteger floods)
      throws InterruptedException {
    byte[] block = new byte[64 * 1024];
    java.util.Arrays.fill(block, (byte) '{');
    byte[] chunk = chunked ? chunk(block) : block;
    while (System.nanoTime() < until) {
      floods.incrementAndGet();
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        socket.setSoTimeout(5000);
        send(socket, sns("POST /intake/sns", chunked ? -1 : THIRTY_MIB));
        if (!chunked && statusLine(socket.getInputStream()).startsWith("HTTP/1.1 413")) {
          refusedAtOnce.incrementAndGet();
        }
        OutputStream out = socket.getOutputStream();
        for (long sent = 0; sent < THIRTY_MIB && System.nanoTime() < until; sent += block.length) {
          out.write(chunk);
        }
      } catch (IOException e) {
        // refused and closed while sending: expected
      }
      Thread.sleep(50);
    }
    return null;
  }

  private static byte[] chunk(byte[] block) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(block);
    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /** The largest VmRSS of {@code pid}, in KiB, sampled every half second. */
  private static Void sampleRss(long pid, long until, AtomicLong largest)
      throws InterruptedException {
    while (System.nanoTime() < until) {
      largest.accumulateAndGet(rss(pid), Math::max);
      Thread.sleep(500);
    }
    return null;
  }

  /** The VmRSS of {@code pid} in KiB; 0 when the process is gone (the test says so). */
  static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      // gone
    }
    return 0;
  }

  private static void send(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  private static String statusLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      line.write(b);
    }
    return line.toString(StandardCharsets.ISO_8859_1).strip();
  }
}
