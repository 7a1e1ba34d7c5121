package dev.abusedesk.app;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top-level command: only subcommands do work. It holds what the process was started with, so
 * that subcommands take the environment and standard input from here ({@code @ParentCommand})
 * rather than from {@code System}.
 */
@Command(
    name = "abusedesk",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Reads AWS abuse reports, tracks the 24-hour reply deadline and alerts chat.",
    subcommands = {
      ParseCommand.class,
      IngestCommand.class,
      ProcessCommand.class,
      CasesCommand.class,
      ServeCommand.class,
      DeliverCommand.class,
      RemindCommand.class,
      OutboxCommand.class,
      CheckConfigCommand.class,
      HashPasswordCommand.class,
      RenderCommand.class,
      NotifyTestCommand.class,
      LambdaCommand.class,
      HealthCommand.class,
      AccountsCommand.class,
      WarmupCommand.class
    })
final class AbuseDeskCommand {

  private final Map<String, String> env;
  private final InputStream in;

  /** Taken before or after any command's name; {@link Failures} reads it. */
  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "When the command fails, print the Java stack trace after the message.")
  boolean debug;

  AbuseDeskCommand(Map<String, String> env, InputStream in) {
    this.env = Map.copyOf(env);
    this.in = Objects.requireNonNull(in, "in");
  }

  /** The process environment: where {@code {env: NAME}} secrets come from. */
  Map<String, String> env() {
    return env;
  }

  InputStream in() {
    return in;
  }
}
