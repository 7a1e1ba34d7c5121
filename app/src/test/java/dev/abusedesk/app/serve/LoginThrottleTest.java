package dev.abusedesk.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.testing.LogLines;
import dev.abusedesk.testing.TestClock;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The throttle on its own, on a clock the test moves. */
class LoginThrottleTest {

  private final TestClock clock = new TestClock(Instant.parse("2025-11-10T00:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(LoginThrottle.Limits.defaults(), clock);

  @Test
  void eachFailureIsAnsweredTwiceAsLateAsTheOneBeforeUpToEightSeconds() {
    assertThat(throttle.delay(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(throttle.delay(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.delay(3)).isEqualTo(Duration.ofSeconds(2));
    assertThat(throttle.delay(4)).isEqualTo(Duration.ofSeconds(4));
    assertThat(throttle.delay(5)).isEqualTo(Duration.ofSeconds(8));
    assertThat(throttle.delay(40)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void anAddressIsRefusedAfterFiveFailuresUntilFifteenMinutesAfterTheLast() throws Exception {
    InetAddress client = InetAddress.getByName("203.0.113.9");

    for (int i = 0; i < 5; i++) {
      assertThat(attempt(client, false)).as("attempt " + (i + 1)).isTrue();
    }

    assertThat(throttle.refuses(client)).isTrue();
    assertThat(throttle.turn(client, Duration.ZERO)).isEmpty();
    assertThat(throttle.refuses(InetAddress.getByName("203.0.113.10"))).isFalse();
    clock.advance(Duration.ofMinutes(15).minusSeconds(1));
    assertThat(throttle.refuses(client)).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.refuses(client)).isFalse();
    assertThat(attempt(client, false)).isTrue();
  }

  @Test
  void aSuccessForgetsTheFailures() throws Exception {
    InetAddress client = InetAddress.getByName("203.0.113.9");
    for (int i = 0; i < 4; i++) {
      attempt(client, false);
    }

    assertThat(attempt(client, true)).isTrue();

    for (int i = 0; i < 4; i++) {
      assertThat(attempt(client, false)).isTrue();
    }
    assertThat(throttle.refuses(client)).isFalse();
  }

  @Test
  void anIpv6ClientIsCountedByItsSlash64() throws Exception {
    for (int i = 1; i <= 5; i++) {
      attempt(InetAddress.getByName("2001:db8:0:7::" + Integer.toHexString(i)), false);
    }

    assertThat(throttle.refuses(InetAddress.getByName("2001:db8:0:7:ffff::1"))).isTrue();
    assertThat(throttle.refuses(InetAddress.getByName("2001:db8:0:8::1"))).isFalse();
    assertThat(LoginThrottle.key(InetAddress.getByName("2001:db8:0:7::5")))
        .isEqualTo("2001:db8:0:7:0:0:0:0/64");
  }

  @Test
  void logsEachFailureOnOneLineWithTheAddressAndTheUsernameEscaped() throws Exception {
    InetAddress client = InetAddress.getByName("198.51.100.7");
    try (LogLines log = LogLines.of(LoginThrottle.class)) {
      LoginThrottle.Turn turn = throttle.turn(client, Duration.ZERO).orElseThrow();
      try {
        throttle.failed(client, "relay\r\n250 forged \"line\"");
      } finally {
        turn.close();
      }
      for (int i = 0; i < 4; i++) {
        attempt(client, false);
      }

      assertThat(log.lines())
          .hasSize(5)
          .allSatisfy(line -> assertThat(line).doesNotContain("\n", "\r"))
          .first()
          .isEqualTo(
              "SMTP AUTH failed for user \"relay\\u000d\\u000a250 forged \\\"line\\\"\""
                  + " from 198.51.100.7 (1 of 5)");
      assertThat(log.lines().get(4))
          .isEqualTo(
              "SMTP AUTH failed for user \"relay\" from 198.51.100.7 (5 of 5);"
                  + " refusing that address for 15 min");
    }
    assertThat(LoginThrottle.quote("x".repeat(100))).hasSize(64 + 5);
  }

  @Test
  void forgetsAddressesOnceTheirFailuresAreForgotten() throws Exception {
    attempt(InetAddress.getByName("203.0.113.1"), false);
    attempt(InetAddress.getByName("203.0.113.2"), true);

    assertThat(throttle.addresses()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(16));
    attempt(InetAddress.getByName("203.0.113.1"), true);
    assertThat(throttle.addresses()).isZero();
  }

  /** One AUTH attempt: its turn, then a failure or a success; false when it was refused. */
  private boolean attempt(InetAddress client, boolean succeeds) throws InterruptedException {
    Optional<LoginThrottle.Turn> turn = throttle.turn(client, Duration.ZERO);
    if (turn.isEmpty()) {
      return false;
    }
    try (LoginThrottle.Turn attempt = turn.get()) {
      if (succeeds) {
        attempt.succeeded();
      } else {
        throttle.failed(client, "relay");
      }
    }
    return true;
  }
}
