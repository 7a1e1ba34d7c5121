package dev.abusedesk.app;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.abusedesk.lambda.Desk;
import dev.abusedesk.lambda.Handlers;
import dev.abusedesk.lambda.LocalContext;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code abusedesk lambda}: the AWS Lambda functions, run on this machine. */
@Command(
    name = "lambda",
    mixinStandardHelpOptions = true,
    description = "The AWS Lambda functions (see docs/deployment/aws.md).",
    subcommands = LambdaCommand.Invoke.class)
final class LambdaCommand {

  @ParentCommand AbuseDeskCommand root;

  /** {@code abusedesk lambda invoke --handler NAME EVENT_FILE}. */
  @Command(
      name = "invoke",
      mixinStandardHelpOptions = true,
      description = {
        "Run one function with an event file, as Lambda would, and print its JSON answer.",
        "Handlers: health-event, sqs, ses, workmail, tick. Console alerts go to standard error."
      })
  static final class Invoke implements Callable<Integer> {

    @ParentCommand LambdaCommand lambda;

    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Option(
        names = "--handler",
        required = true,
        paramLabel = "NAME",
        description = "health-event, sqs, ses, workmail or tick (or the handler's class name).")
    String handler;

    @Parameters(paramLabel = "EVENT_FILE", description = "The event, as JSON.")
    Path event;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Handlers chosen;
      try {
        chosen = Handlers.named(handler);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--handler: " + e.getMessage());
      }
      Map<String, String> env = new HashMap<>(lambda.root.env());
      if (common.config != null) {
        env.remove("ABUSEDESK_CONFIG");
        env.put("ABUSEDESK_CONFIG_FILE", common.config.toAbsolutePath().toString());
      }
      if (common.dataDir != null) {
        env.put(
            dev.abusedesk.installation.DataDirectory.ENV,
            common.dataDir.toAbsolutePath().toString());
      } else if (env.get(dev.abusedesk.installation.DataDirectory.ENV) == null) {
        env.put(
            dev.abusedesk.installation.DataDirectory.ENV,
            Path.of("data").toAbsolutePath().toString());
      }
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(event);
      } catch (java.io.IOException e) {
        throw new CommandException(
            ExitCodes.NO_INPUT, "cannot read " + event + ": " + Failures.reason(e));
      }
      ByteArrayOutputStream alerts = new ByteArrayOutputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      Clock clock = Clock.systemUTC();
      try (Desk desk =
          Desk.open(env, clock, new PrintStream(alerts, true, StandardCharsets.UTF_8))) {
        RequestStreamHandler function = chosen.create(desk);
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
          function.handleRequest(
              in,
              answer,
              new LocalContext(
                  "abusedesk-" + chosen.wire(), "123456789012", Duration.ofMinutes(1), clock));
        }
      } finally {
        err.print(alerts.toString(StandardCharsets.UTF_8));
        err.flush();
      }
      out.println(answer.toString(StandardCharsets.UTF_8));
      out.flush();
      return 0;
    }
  }
}
