package dev.abusedesk.respond;

import dev.abusedesk.config.Language;
import dev.abusedesk.report.Category;
import java.util.List;
import java.util.Objects;

/**
 * First aid for one case: steps in the operator's language, each with the exact commands to run.
 * Nothing here runs by itself; every value from a report in a command is shell-quoted.
 */
public record Playbook(Category category, Language language, List<Playbook.Step> steps) {

  public Playbook {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(language, "language");
    steps = List.copyOf(steps);
  }

  /**
   * One step.
   *
   * @param commands lines to paste into a shell (or a file, where the text says so); may be empty
   */
  public record Step(String title, String text, List<String> commands) {
    public Step {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(text, "text");
      commands = List.copyOf(commands);
    }
  }
}
