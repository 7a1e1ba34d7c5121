package dev.abusedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.PasswordHash;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password guessing is slowed per source and per user, never for everyone, and names leak nothing.
 */
class LoginThrottleTest {

  @TempDir Path dir;

  private final DeskServer.TestClock clock = new DeskServer.TestClock(DeskSecurityTest.NOW);
  private final LoginLimiter limiter = new LoginLimiter(clock);

  /**
   * Fails as {@code user} from {@code source} until the limiter makes it wait; returns the wait.
   */
  private Duration hammer(String source, String user) {
    for (int i = 0; i < 100; i++) {
      Optional<Duration> wait = limiter.attempt(source, user);
      if (wait.isPresent()) {
        return wait.get();
      }
    }
    throw new AssertionError("never slowed down");
  }

  /** Keeps failing as {@code user} from {@code source}, waiting each time, until a wait is long. */
  private Duration slowDown(String source, String user, Duration atLeast) {
    Duration wait = hammer(source, user);
    while (wait.compareTo(atLeast) < 0) {
      clock.advance(wait);
      wait = hammer(source, user);
    }
    return wait;
  }

  @Test
  void failuresFromOneSourceDoNotHoldBackAnotherSourceOrAnotherUser() {
    limiter.attempt("192.0.2.10", "hanako");
    limiter.succeeded("192.0.2.10", "hanako"); // hanako's own desk
    for (int round = 0; round < 5; round++) {
      hammer("198.51.100.66", "hanako");
      hammer("198.51.100.66", "taro");
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(limiter.attempt("198.51.100.66", "jiro")).isPresent();
    assertThat(limiter.attempt("203.0.113.5", "jiro")).isEmpty();
    assertThat(limiter.attempt("192.0.2.10", "hanako")).isEmpty();
  }

  @Test
  void aUserUnderAttackFromManySourcesIsSlowedForThatUserOnlyAndNeverLockedOut() {
    List<Duration> waits = new ArrayList<>();
    for (int source = 1; source <= 200; source++) {
      String address = "198.51.100." + source;
      Optional<Duration> wait = limiter.attempt(address, "hanako");
      wait.ifPresentOrElse(waits::add, () -> {});
      if (wait.isPresent()) {
        clock.advance(wait.get());
      }
    }

    assertThat(waits).isNotEmpty().allSatisfy(w -> assertThat(w).isPositive());
    assertThat(waits).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(LoginLimiter.MAX_DELAY));
    assertThat(waits.get(waits.size() - 1)).isEqualTo(LoginLimiter.MAX_DELAY);
    assertThat(limiter.attempt("198.51.100.250", "taro")).isEmpty();
    Duration wait = hammer("203.0.113.5", "hanako");
    clock.advance(wait);
    assertThat(limiter.attempt("203.0.113.5", "hanako")).isEmpty();
  }

  @Test
  void theWaitDoublesAfterTheFreeFailuresUpToItsCap() {
    assertThat(LoginLimiter.delay(LoginLimiter.FREE_FAILURES)).isZero();
    assertThat(LoginLimiter.delay(LoginLimiter.FREE_FAILURES + 1))
        .isEqualTo(LoginLimiter.FIRST_DELAY);
    assertThat(LoginLimiter.delay(LoginLimiter.FREE_FAILURES + 2))
        .isEqualTo(LoginLimiter.FIRST_DELAY.multipliedBy(2));
    assertThat(LoginLimiter.delay(1000)).isEqualTo(LoginLimiter.MAX_DELAY);
  }

  @Test
  void failuresAreForgottenAnHourAfterTheLast() {
    Duration wait = hammer("198.51.100.66", "hanako");
    assertThat(wait).isPositive();

    clock.advance(LoginLimiter.FORGET);

    for (int i = 0; i < LoginLimiter.FREE_FAILURES; i++) {
      assertThat(limiter.attempt("198.51.100.66", "hanako")).isEmpty();
    }
  }

  @Test
  void aFloodOfSourcesAndNamesTakesBoundedMemoryAndKeepsTheUserUnderAttackSlowed() {
    Duration slowed = slowDown("198.51.100.66", "hanako", Duration.ofMinutes(5));
    for (int i = 0; i < LoginLimiter.MAX_KEYS * 2; i++) {
      limiter.attempt("10.0." + (i / 250) + "." + (i % 250), "name-" + i);
      clock.advance(Duration.ofMillis(1));
    }

    assertThat(limiter.counted()).isLessThanOrEqualTo(LoginLimiter.MAX_KEYS);
    assertThat(slowed).isPositive();
    assertThat(limiter.attempt("203.0.113.5", "hanako")).isPresent();
  }

  @Test
  void anIpv6SourceIsCountedByItsSlash64() throws Exception {
    assertThat(Desk.source(InetAddress.getByName("2001:db8:1:2:aaaa::1")))
        .isEqualTo(Desk.source(InetAddress.getByName("2001:db8:1:2:bbbb::2")))
        .isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(Desk.source(InetAddress.getByName("192.0.2.7"))).isEqualTo("192.0.2.7");
  }

  @Test
  void anUnknownUserCostsTheSamePasswordHashCheckAsAKnownOne() {
    List<String> checked = new ArrayList<>();
    Logins.Hashes counting =
        (password, stored) -> {
          checked.add(stored);
          return PasswordHash.verify(password, stored);
        };
    try (DeskServer server =
        new DeskServer(
            dir,
            DeskSecurityTest.config(""),
            DeskSecurityTest.NOW,
            true,
            Optional.empty(),
            counting)) {
      WebClient browser = new WebClient(server);

      HttpResponse<String> unknown = browser.login("mallory", "correct horse");
      HttpResponse<String> wrong = browser.login("hanako", "wrong");

      assertThat(unknown.statusCode()).isEqualTo(401);
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(unknown.body()).isEqualTo(wrong.body());
      assertThat(checked).hasSize(2);
      assertThat(checked.get(1)).isEqualTo(DeskSecurityTest.HASH);
      assertThat(checked.get(0)).isNotEqualTo(DeskSecurityTest.HASH);
      assertThat(PasswordHash.iterations(checked.get(0)))
          .isEqualTo(PasswordHash.iterations(DeskSecurityTest.HASH));
    }
  }
}
