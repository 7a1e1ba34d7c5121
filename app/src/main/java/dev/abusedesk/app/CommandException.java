package dev.abusedesk.app;

/**
 * A command cannot go on because of something the operator can fix: its message is one line (what,
 * where, what to do) that follows {@code abusedesk COMMAND: }, and it carries the exit code.
 */
final class CommandException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CommandException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
