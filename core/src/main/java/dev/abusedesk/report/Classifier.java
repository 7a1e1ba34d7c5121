package dev.abusedesk.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Names the abuse category from AWS's wording or from a Health event type code. */
final class Classifier {

  private Classifier() {}

  /**
   * @param hints lower-case words one of which any match contains; the pattern runs only on text
   *     that holds one
   */
  private record Rule(Category category, Pattern pattern, List<String> hints) {}

  // Ordered: the first rule that matches wins, so specific wording comes before generic words
  // ("a Denial of Service attack" is dos, not intrusion).
  private static final List<Rule> RULES =
      List.of(
          rule(
              Category.CREDENTIALS_EXPOSED,
              "access keys?|credentials?|secret keys?|exposed keys?|key exposure",
              "key",
              "credential"),
          rule(Category.PHISHING, "phish\\w*", "phish"),
          rule(
              Category.CC_FRAUD,
              "credit cards?|carding|cc fraud|card fraud|payment fraud",
              "card",
              "fraud"),
          rule(
              Category.COPYRIGHT,
              "copyright\\w*|dmca|infring\\w*|trademark",
              "copyright",
              "dmca",
              "infring",
              "trademark"),
          rule(
              Category.PII,
              "pii|personal (?:data|information)|personally identifiable|private information|doxx\\w*",
              "pii",
              "person",
              "private",
              "doxx"),
          rule(
              Category.ILLEGAL_CONTENT,
              "illegal|csam|child abuse|terroris\\w*|objectionable",
              "illegal",
              "csam",
              "child",
              "terroris",
              "objectionable"),
          rule(
              Category.BOTNET,
              "botnets?|command and control|c&c|c2 server",
              "botnet",
              "command",
              "c&c",
              "c2"),
          rule(
              Category.MALWARE,
              "malware|malicious (?:software|code|files?|content)|virus\\w*|trojans?|ransomware"
                  + "|cryptomin\\w*",
              "mal",
              "virus",
              "trojan",
              "ransom",
              "crypto"),
          rule(Category.OPEN_PROXY, "(?:open )?prox(?:y|ies)", "prox"),
          rule(
              Category.DOS,
              "denial[ -]of[ -]service|d?dos|flood\\w*|amplification|reflection attacks?",
              "denial",
              "dos",
              "flood",
              "amplification",
              "reflection"),
          rule(Category.PORT_SCAN, "port ?scan\\w*|scan\\w*|probing", "scan", "probing"),
          rule(
              Category.INTRUSION,
              "without authori[sz]ation|intrusion\\w*|brute[ -]?forc\\w*|unauthori[sz]ed"
                  + "|hacking|login attacks?|exploit\\w*|compromise\\w*|attacks?|access remote",
              "authori",
              "intrusion",
              "brute",
              "hacking",
              "attack",
              "exploit",
              "compromise",
              "access remote"),
          rule(
              Category.SPAM,
              "spam\\w*|unsolicited|bulk (?:e-?)?mail|e-?mail abuse|open relay|mail relay",
              "spam",
              "unsolicited",
              "mail",
              "relay"),
          rule(Category.MALWARE, "malicious", "malicious"));

  private static Rule rule(Category category, String words, String... hints) {
    return new Rule(
        category,
        Pattern.compile("(?<![\\w])(?:" + words + ")(?![\\w])", Pattern.CASE_INSENSITIVE),
        List.of(hints));
  }

  /** The category AWS's wording names, if any rule recognises it. */
  static Optional<Category> fromText(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String lower = KeywordScan.lower(text);
    for (Rule rule : RULES) {
      if (rule.hints().stream().anyMatch(lower::contains) && rule.pattern().matcher(text).find()) {
        return Optional.of(rule.category());
      }
    }
    return Optional.empty();
  }

  /**
   * The category of an AWS Health event, or empty when the event is not an abuse or risk report.
   * Unknown {@code AWS_ABUSE_*} codes are {@link Category#OTHER}.
   */
  static Optional<Category> fromEventType(String service, String eventTypeCode) {
    String code = eventTypeCode == null ? "" : eventTypeCode.toUpperCase(Locale.ROOT);
    String svc = service == null ? "" : service.toUpperCase(Locale.ROOT);
    if (code.startsWith("AWS_RISK_") || (svc.equals("RISK") && code.isEmpty())) {
      return Optional.of(Category.CREDENTIALS_EXPOSED);
    }
    if (code.startsWith("AWS_ABUSE_") || (svc.equals("ABUSE") && code.isEmpty())) {
      String words =
          code.replaceFirst("^AWS_ABUSE_(?:EC2_)?", "")
              .replace('_', ' ')
              .replaceAll("\\bREPORT(?:ED)?\\b", "");
      if (words.contains("CC FRAUD")) {
        return Optional.of(Category.CC_FRAUD);
      }
      return Optional.of(fromText(words).orElse(Category.OTHER));
    }
    if (svc.equals("ABUSE")) {
      return Optional.of(Category.OTHER);
    }
    if (svc.equals("RISK")) {
      return Optional.of(Category.CREDENTIALS_EXPOSED);
    }
    return Optional.empty();
  }
}
