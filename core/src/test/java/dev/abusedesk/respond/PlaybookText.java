package dev.abusedesk.respond;

/** A playbook as plain text, the way its golden files show it for review. */
final class PlaybookText {

  private PlaybookText() {}

  static String of(Playbook playbook) {
    StringBuilder out = new StringBuilder();
    int n = 1;
    for (Playbook.Step step : playbook.steps()) {
      out.append(n++).append(". ").append(step.title()).append('\n');
      out.append("   ").append(step.text()).append('\n');
      for (String command : step.commands()) {
        out.append("   $ ").append(command.replace("\n", "\n     ")).append('\n');
      }
    }
    return out.toString();
  }
}
