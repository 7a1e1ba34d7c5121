package dev.abusedesk.respond;

import dev.abusedesk.config.Language;
import dev.abusedesk.config.Phrase;
import java.util.ArrayList;
import java.util.List;

/** The first-aid playbook of a case, by category, in English or Japanese. Pure. */
public final class Playbooks {

  private Playbooks() {}

  public static Playbook of(CaseFacts facts, Language language) {
    Steps steps = new Steps(language);
    switch (facts.category()) {
      case SPAM -> MailFirstAid.steps(facts, steps);
      case DOS, PORT_SCAN, INTRUSION, BOTNET -> InstanceFirstAid.isolate(facts, steps);
      case OPEN_PROXY -> InstanceFirstAid.closeProxy(facts, steps);
      case PHISHING, MALWARE -> ContentFirstAid.takeDown(facts, steps);
      case COPYRIGHT, PII, ILLEGAL_CONTENT -> ContentFirstAid.remove(facts, steps);
      case CREDENTIALS_EXPOSED -> KeyFirstAid.steps(facts, steps);
      case CC_FRAUD, OTHER -> ContentFirstAid.general(facts, steps);
    }
    steps.add(
        new Phrase("Reply to AWS", "AWSへ返信する"),
        new Phrase(
            "Send the corrective-action report (see the reply drafts) once the activity has stopped;"
                + " AWS usually closes the case after it.",
            "活動が止まったら、対処内容の報告（返信の下書きを参照）をAWSへ送る。通常、AWSはこれを受けてケースを閉じる。"));
    return new Playbook(facts.category(), language, steps.all());
  }

  /** Collects steps in one language. */
  static final class Steps {
    private final Language language;
    private final List<Playbook.Step> all = new ArrayList<>();

    Steps(Language language) {
      this.language = language;
    }

    void add(Phrase title, Phrase text, String... commands) {
      all.add(new Playbook.Step(title.in(language), text.in(language), List.of(commands)));
    }

    List<Playbook.Step> all() {
      return all;
    }
  }

  /** The quoted values, joined by spaces, or the placeholder when there are none. */
  static String words(List<String> values, String placeholder) {
    return values.isEmpty()
        ? Shell.placeholder(placeholder)
        : String.join(" ", values.stream().map(Shell::quote).toList());
  }

  /** The first value quoted, or the placeholder. */
  static String first(List<String> values, String placeholder) {
    return values.isEmpty() ? Shell.placeholder(placeholder) : Shell.quote(values.get(0));
  }
}
