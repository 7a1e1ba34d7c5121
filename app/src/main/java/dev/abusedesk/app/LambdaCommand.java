package dev.abusedesk.app;

import dev.abusedesk.installation.DataDirectory;
import dev.abusedesk.installation.FunctionRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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

/**
 * {@code abusedesk lambda}: the AWS Lambda functions, run on this machine. They are not part of
 * this jar: the launcher puts the lambda jar on the class path for this command, and its {@link
 * FunctionRunner} runs them.
 */
@Command(
    name = "lambda",
    mixinStandardHelpOptions = true,
    description = "The AWS Lambda functions (see docs/deployment/aws.md).",
    subcommands = LambdaCommand.Invoke.class)
final class LambdaCommand {

  /** What this says when the lambda jar is not on the class path. */
  static final String NOT_INSTALLED =
      "the Lambda functions are not part of this installation; run it with ./abusedesk in a"
          + " checkout after ./mvnw package, which builds lambda/target/abusedesk-lambda.jar";

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
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(event);
      } catch (java.io.IOException e) {
        throw new CommandException(
            ExitCodes.NO_INPUT, "cannot read " + event + ": " + Failures.reason(e));
      }
      FunctionRunner runner =
          FunctionRunner.onClassPath()
              .orElseThrow(() -> new CommandException(ExitCodes.UNAVAILABLE, NOT_INSTALLED));
      String name =
          runner
              .named(handler)
              .orElseThrow(
                  () ->
                      new picocli.CommandLine.ParameterException(
                          spec.commandLine(),
                          "--handler: no handler " + handler + "; handlers are " + runner.names()));
      // The function's environment, as Lambda would give it: the configuration file and the data
      // directory from the options.
      Map<String, String> env = new HashMap<>(lambda.root.env());
      if (common.config != null) {
        env.remove("ABUSEDESK_CONFIG");
        env.put("ABUSEDESK_CONFIG_FILE", common.config.toAbsolutePath().toString());
      }
      if (common.dataDir != null) {
        env.put(DataDirectory.ENV, common.dataDir.toAbsolutePath().toString());
      } else if (env.get(DataDirectory.ENV) == null) {
        env.put(DataDirectory.ENV, Path.of("data").toAbsolutePath().toString());
      }
      ByteArrayOutputStream alerts = new ByteArrayOutputStream();
      String answer;
      try {
        answer =
            runner.invoke(
                name,
                bytes,
                env,
                Clock.systemUTC(),
                new PrintStream(alerts, true, StandardCharsets.UTF_8));
      } finally {
        err.print(alerts.toString(StandardCharsets.UTF_8));
        err.flush();
      }
      out.println(answer);
      out.flush();
      return 0;
    }
  }
}
