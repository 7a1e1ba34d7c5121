package dev.abusedesk.app;

import dev.abusedesk.app.serve.IntakeException;
import dev.abusedesk.cases.StoreException;
import dev.abusedesk.config.ConfigException;
import dev.abusedesk.spool.SpoolException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place the command line catches everything: what went wrong becomes one line per mistake
 * on standard error (what, where, what to do) and an exit code from {@link ExitCodes}. The stack
 * trace is printed only with {@code --debug}. Messages hold paths and names, never a secret.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {

  private final AbuseDeskCommand root;

  Failures(AbuseDeskCommand root) {
    this.root = root;
  }

  /** What is printed for a failure, and the exit code. */
  record Failure(int exitCode, List<String> lines) {
    Failure {
      lines = List.copyOf(lines);
    }

    Failure(int exitCode, String line) {
      this(exitCode, List.of(line));
    }
  }

  /** A usage mistake: one line with the hint where to look, exit 64. */
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    err.println(name + ": " + usage(e) + "; see '" + name + " --help'");
    if (root.debug || List.of(args).contains("--debug")) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    Failure failure = describe(e, command.getCommandSpec().qualifiedName(), configOption(parsed));
    failure.lines().forEach(err::println);
    if (root.debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return failure.exitCode();
  }

  /**
   * The lines and exit code for {@code e}, thrown by {@code command} ({@code abusedesk cases
   * list}), run with {@code --config FILE} when {@code config} is present.
   */
  static Failure describe(Throwable e, String command, Optional<Path> config) {
    String prefix = command + ": ";
    if (e instanceof ConfigException c) {
      // The same lines check-config prints, each saying which file: the fix is in it.
      String where = config.map(file -> "abusedesk: --config " + file + ": ").orElse(prefix);
      if (c.unreadable().isPresent()) {
        return new Failure(ExitCodes.CONFIG, where + c.unreadable().get());
      }
      return new Failure(
          ExitCodes.CONFIG, c.problems().stream().map(problem -> where + problem).toList());
    }
    if (e instanceof CommandException c) {
      return new Failure(c.exitCode(), prefix + c.getMessage());
    }
    if (e instanceof StoreException) {
      // A database file that cannot be created is the data directory's problem, as for the spool.
      int code = e.getCause() instanceof IOException ? ExitCodes.IO_ERROR : ExitCodes.UNAVAILABLE;
      return new Failure(code, prefix + oneLine(e.getMessage()));
    }
    if (e instanceof SpoolException) {
      return new Failure(ExitCodes.IO_ERROR, prefix + oneLine(e.getMessage()));
    }
    if (e instanceof IntakeException) {
      // A port in use, an address not of this machine: serve's own exit code since it had one.
      return new Failure(ExitCodes.FAILED, prefix + oneLine(e.getMessage()));
    }
    if (e instanceof SdkException) {
      String message = oneLine(e.getMessage());
      // The SDK lists every provider it tried, in one paragraph; say what to set instead.
      return new Failure(
          ExitCodes.UNAVAILABLE,
          prefix
              + (message.startsWith("Unable to load credentials")
                  ? "no AWS credentials found; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
                      + " (and AWS_SESSION_TOKEN), or AWS_PROFILE, or run it with an instance or"
                      + " task role"
                  : "AWS: " + message));
    }
    if (e instanceof UncheckedIOException unchecked) {
      return new Failure(ExitCodes.IO_ERROR, prefix + io(unchecked.getCause()));
    }
    if (e instanceof IOException io) {
      return new Failure(ExitCodes.IO_ERROR, prefix + io(io));
    }
    String message = e.getMessage() == null ? "" : ": " + oneLine(e.getMessage());
    return new Failure(
        ExitCodes.SOFTWARE,
        prefix
            + "internal error: "
            + e.getClass().getSimpleName()
            + message
            + "; run it again with --debug for the stack trace, and please report it");
  }

  /** Why a file could not be read or written, in a few words: {@code no such file}. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return lowerFirst(oneLine(fs.getReason()));
    }
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + oneLine(e.getMessage());
  }

  private static String io(IOException e) {
    if (e instanceof FileSystemException fs && fs.getFile() != null) {
      return fs.getFile() + ": " + reason(e);
    }
    return reason(e);
  }

  /** The {@code --config} given to the command that ran, if any. */
  private static Optional<Path> configOption(ParseResult parsed) {
    Optional<Path> found = Optional.empty();
    for (ParseResult level = parsed; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption("--config")) {
        found = Optional.ofNullable(level.matchedOptionValue("--config", (Path) null));
      }
    }
    return found;
  }

  private static String usage(ParameterException e) {
    CommandSpec spec = e.getCommandLine().getCommandSpec();
    List<String> commands = commands(spec);
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String first = unmatched.getUnmatched().get(0);
      String what =
          first.startsWith("-")
              ? "unknown option " + first
              : commands.isEmpty()
                  ? "unexpected argument '" + first + "'"
                  : "no command '" + first + "'";
      List<String> suggestions =
          unmatched.getSuggestions().stream()
              .map(s -> s.substring(s.lastIndexOf(' ') + 1))
              .distinct()
              .toList();
      return suggestions.isEmpty()
          ? what
          : what + " (did you mean " + String.join(" or ", suggestions) + "?)";
    }
    if (!commands.isEmpty() && String.valueOf(e.getMessage()).startsWith("Missing required sub")) {
      return "which command? " + String.join(", ", commands);
    }
    return lowerFirst(oneLine(String.valueOf(e.getMessage())));
  }

  /** The commands under {@code spec} that its help lists. */
  private static List<String> commands(CommandSpec spec) {
    return spec.subcommands().entrySet().stream()
        .filter(entry -> !entry.getValue().getCommandSpec().usageMessage().hidden())
        .map(java.util.Map.Entry::getKey)
        .distinct()
        .collect(Collectors.toList());
  }

  /**
   * {@code Unknown option} to {@code unknown option}, leaving {@code SQLite} and the like alone.
   */
  private static String lowerFirst(String text) {
    if (text.length() > 1
        && Character.isUpperCase(text.charAt(0))
        && Character.isLowerCase(text.charAt(1))) {
      return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
    return text;
  }

  static String oneLine(String text) {
    String line = text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    return line.length() > 500 ? line.substring(0, 500) + "..." : line;
  }
}
