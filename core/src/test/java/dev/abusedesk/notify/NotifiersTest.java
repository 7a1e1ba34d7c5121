package dev.abusedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.Language;
import dev.abusedesk.config.ReceiverKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NotifiersTest {

  @Test
  void hasANotifierForEveryReceiverKind() {
    Set<Class<?>> kinds = Set.of(ReceiverKind.class.getPermittedSubclasses());
    Set<Class<?>> tested =
        TestReceivers.all().values().stream()
            .map(s -> s.kind().getClass())
            .collect(Collectors.toSet());

    assertThat(tested).isEqualTo(kinds);
    TestReceivers.all().values().forEach(s -> assertThat(Notifiers.forKind(s.kind())).isNotNull());
  }

  @Test
  void printsConsoleAlertsAsPlainText() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Transport transport =
        Transport.forKind(
            new ReceiverKind.Console(),
            new HttpTransport(Clock.systemUTC()),
            console,
            Clock.systemUTC());
    Alert alert = TestReceivers.alert(TestReceivers.reports("email/ec2-abuse-dos.eml").get(0));

    Delivery delivery =
        transport.send(
            transport
                .notifier()
                .render(
                    alert,
                    new Rendering(
                        Language.EN,
                        TestReceivers.TOKYO,
                        alert.createdAt(),
                        List.of(),
                        Optional.empty())));

    assertThat(delivery).isEqualTo(new Delivery.Sent(""));
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .startsWith("🚨 New AWS abuse report — Denial of service (DoS) attack (case #42)\n");
  }
}
