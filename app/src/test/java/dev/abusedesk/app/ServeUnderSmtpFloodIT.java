package dev.abusedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.LoopbackHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon from the packaged jar with a 192 MiB heap while 120 SMTP connections sit idle and one
 * trickles its message a byte a second: those past the cap of 100 sessions are answered 421 at once
 * rather than left waiting, a delivery at the cap is refused the same way, and once a few idle ones
 * leave, a normal delivery is accepted and alerted.
 */
class ServeUnderSmtpFloodIT {

  static final int IDLE = 120;

  @TempDir Path dir;

  @Test
  void pastTheCapMailIsRefusedWith421NotLeftHangingAndBelowItAcceptedAndAlerted() throws Exception {
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
            http: {listen: "127.0.0.1:%d"}
          """
              .formatted(chat.uri("/hook"), smtpPort, httpPort));
      Process daemon =
          Daemons.start(
              Map.of("JAVA_OPTS", "-Xmx192m"),
              config,
              dir.resolve("data"),
              httpPort,
              dir.resolve("serve.log"));
      ExecutorService trickler = Executors.newSingleThreadExecutor();
      AtomicBoolean trickling = new AtomicBoolean(true);
      List<SmtpSession> idle = new ArrayList<>();
      try {
        SmtpSession slow = new SmtpSession(smtpPort, Duration.ofSeconds(5));
        assertThat(slow.reply()).startsWith("220");
        assertThat(slow.begin()).isTrue();
        trickler.submit(
            () -> {
              while (trickling.get()) {
                slow.send("x");
                Thread.sleep(1000);
              }
              return slow;
            });
        int accepted = 0;
        int refused = 0;
        long opening = System.nanoTime();
        for (int i = 0; i < IDLE; i++) {
          SmtpSession session = new SmtpSession(smtpPort, Duration.ofSeconds(5));
          String greeting = session.reply(); // within 5 s, or the test fails here
          if (greeting.startsWith("220")) {
            accepted++;
            idle.add(session);
          } else {
            assertThat(greeting).startsWith("421 4.7.0");
            refused++;
            session.close();
          }
        }
        System.out.printf(
            "SMTP: %d of %d idle connections greeted, %d refused with 421, in %d ms%n",
            accepted, IDLE, refused, (System.nanoTime() - opening) / 1_000_000);
        assertThat(accepted).isEqualTo(99); // the trickling session is the hundredth
        assertThat(refused).isEqualTo(IDLE - 99);
        String mail = new String(Fixtures.bytes("email/ec2-abuse-dos.eml"), StandardCharsets.UTF_8);
        assertThat(SmtpSession.deliver(smtpPort, mail)).startsWith("421 4.7.0");

        for (int i = 0; i < 10; i++) {
          idle.remove(idle.size() - 1).send("QUIT\r\n").close();
        }
        String answer = "";
        for (int tries = 0; tries < 50 && !answer.startsWith("250"); tries++) {
          Thread.sleep(100); // until the server has seen the QUITs
          answer = SmtpSession.deliver(smtpPort, mail);
        }
        assertThat(answer).startsWith("250");
        long alertBy = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < alertBy && alerts(chat) == 0) {
          Thread.sleep(200);
        }
        assertThat(alerts(chat)).isPositive();
        assertThat(daemon.isAlive()).isTrue();
      } finally {
        trickling.set(false);
        trickler.shutdownNow();
        for (SmtpSession session : idle) {
          close(session);
        }
        daemon.destroy();
        daemon.waitFor(15, TimeUnit.SECONDS);
      }
    }
  }

  private static long alerts(LoopbackHttp chat) {
    return chat.requests("/hook").stream().filter(r -> r.body().contains("20816735")).count();
  }

  private static void close(SmtpSession session) {
    try {
      session.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
