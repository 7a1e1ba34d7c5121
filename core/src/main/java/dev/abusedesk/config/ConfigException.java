package dev.abusedesk.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A configuration that cannot be used, with every problem found in it. Thrown at startup only: a
 * bad configuration is a reason not to start.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;
  private final String unreadable;

  public ConfigException(List<Problem> problems) {
    this(problems, null);
  }

  private ConfigException(List<Problem> problems, String unreadable) {
    super(message(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
    this.unreadable = unreadable;
  }

  /** The file itself cannot be read: one problem, {@code cannot read FILE: REASON}. */
  static ConfigException unreadable(Path file, String reason) {
    return new ConfigException(
        List.of(new Problem("", "cannot read " + file + ": " + reason)), reason);
  }

  /**
   * Why the file itself could not be read ({@code no such file}, {@code permission denied}), when
   * that is the problem; empty when the file was read and something in it is wrong.
   */
  public Optional<String> unreadable() {
    return Optional.ofNullable(unreadable);
  }

  /** Every problem, in the order of the file. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(List<Problem> problems) {
    String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    return "invalid configuration, "
        + count
        + ":\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
