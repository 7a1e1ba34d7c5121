package dev.abusedesk.app;

import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.config.Config;
import dev.abusedesk.config.Receiver;
import dev.abusedesk.config.SecretCheck;
import dev.abusedesk.installation.Installation;
import dev.abusedesk.notify.Alert;
import dev.abusedesk.notify.Delivery;
import dev.abusedesk.notify.HttpTransport;
import dev.abusedesk.notify.Rendering;
import dev.abusedesk.notify.Transport;
import dev.abusedesk.report.Category;
import dev.abusedesk.report.Channel;
import dev.abusedesk.report.Kind;
import dev.abusedesk.report.SenderVerified;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code abusedesk notify-test --receiver NAME}: one real message that says it is a test. */
@Command(
    name = "notify-test",
    mixinStandardHelpOptions = true,
    description = {
      "Send a test message to a receiver, through the same path as alerts, and print how it went.",
      "Exit 0 when it was sent, 1 when it was not."
    })
final class NotifyTestCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @ParentCommand AbuseDeskCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--receiver", required = true, paramLabel = "NAME", description = "The receiver.")
  String receiver;

  private final Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Secrets when used: the receiver under test must have its own, not every other's.
    try (Installation installation = common.open(root.env(), clock, SecretCheck.WHEN_USED)) {
      Config config = installation.config();
      Receiver chosen = RenderCommand.receiver(config, receiver);
      Instant now = clock.instant();
      Transport transport =
          Transport.forKind(chosen.kind(), new HttpTransport(clock), System.out, clock);
      Rendering rendering =
          new Rendering(
              config.language(), config.timezone(), now, chosen.mentions(), Optional.empty());
      Delivery delivery =
          transport.send(transport.notifier().render(testAlert(config, now), rendering));
      if (delivery instanceof Delivery.Sent) {
        out.println("sent to " + chosen.name() + " (" + chosen.kind().describe() + ")");
        out.flush();
        return 0;
      }
      err.println(
          "abusedesk notify-test: not sent to " + chosen.name() + ": " + describe(delivery));
      return 1;
    }
  }

  private static String describe(Delivery delivery) {
    if (delivery instanceof Delivery.Retry retry) {
      return retry.reason() + " (temporary: try again later)";
    }
    return ((Delivery.Failed) delivery).reason();
  }

  /** A made-up case that reads like a real one: the first configured account, documentation IPs. */
  static Alert testAlert(Config config, Instant now) {
    Alert.AccountLine account =
        config.accounts().stream()
            .findFirst()
            .map(a -> new Alert.AccountLine(a.id(), a.name(), a.customer(), true))
            .orElse(
                new Alert.AccountLine("123456789012", Optional.empty(), Optional.empty(), false));
    return new Alert(
        Alert.Type.TEST,
        0,
        CaseStatus.OPEN,
        Category.OTHER,
        List.of(account),
        List.of("ap-northeast-1"),
        List.of("i-0123456789abcdef0"),
        List.of("192.0.2.1"),
        "00000000",
        Kind.NOTICE,
        Channel.EMAIL,
        now,
        now.plus(config.deadline()),
        SenderVerified.PASS,
        "This is a test message from Abuse Desk. No abuse was reported.",
        List.of(),
        Optional.empty(),
        Optional.empty(),
        "",
        Optional.empty(),
        Optional.empty(),
        now);
  }
}
