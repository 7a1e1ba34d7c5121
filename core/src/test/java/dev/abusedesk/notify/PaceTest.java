package dev.abusedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.Receiver;
import dev.abusedesk.config.ReceiverKind;
import dev.abusedesk.config.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PaceTest {

  private static final ReceiverKind DISCORD =
      new ReceiverKind.Discord(Secret.of("https://discord.example.com/api/webhooks/1/x"));

  @Test
  void pacesEachToolAsItsKindSaysUnlessTheReceiverSetsARate() {
    Receiver discord = new Receiver("discord", DISCORD);
    Receiver faster = new Receiver("faster", DISCORD, List.of(), OptionalDouble.of(4));
    Receiver pager =
        new Receiver(
            "pager",
            new ReceiverKind.PagerDuty(Secret.of("rk"), URI.create("https://events.example")));

    assertThat(Pace.ratePerSecond(discord)).isEqualTo(0.5);
    assertThat(Pace.ratePerSecond(faster)).isEqualTo(4);
    assertThat(Pace.ratePerSecond(pager)).isEqualTo(5);
    assertThat(Pace.interval(discord)).isEqualTo(Duration.ofSeconds(2).plus(Pace.MARGIN));
    assertThat(Pace.within(discord, Duration.ofMinutes(1))).isEqualTo(30);
  }

  @Test
  void theNextMessageWaitsOneIntervalAfterOneIsSent() {
    AtomicLong nanos = new AtomicLong();
    Pace pace = new Pace(nanos::get);
    Receiver discord = new Receiver("discord", DISCORD);

    assertThat(pace.waitFor(discord)).isZero();
    pace.take(discord);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());

    assertThat(pace.waitFor(discord)).isEqualTo(Duration.ofSeconds(1).plus(Pace.MARGIN));
  }
}
