package dev.abusedesk.cases;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What a customer's contact answered on the response page. The texts are theirs, untrusted: bounded
 * here, escaped wherever they are shown.
 *
 * @param stopped what they stopped or removed; may be empty
 * @param changed what they changed so that it does not happen again; may be empty
 * @param moreTimeBecause why they need more time; required with {@link Verdict#NEED_TIME}
 * @param name who answered, as they gave it; may be empty
 */
public record CustomerAnswer(
    Verdict verdict,
    String stopped,
    String changed,
    String moreTimeBecause,
    String name,
    Instant answeredAt) {

  /** The longest text a field keeps, in characters. */
  public static final int MAX_TEXT = 4000;

  /** The longest name. */
  public static final int MAX_NAME = 200;

  /** What the customer says the reported activity was. */
  public enum Verdict {
    /** It was their workload. */
    OURS,
    /** It was not theirs (compromised, or not their resource). */
    NOT_OURS,
    /** They need more time to find out. */
    NEED_TIME;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict of a wire name; an {@link IllegalArgumentException} for any other text. */
    public static Verdict fromWire(String value) {
      for (Verdict verdict : values()) {
        if (verdict.wire().equals(value)) {
          return verdict;
        }
      }
      throw new IllegalArgumentException("not a verdict: " + value);
    }
  }

  public CustomerAnswer {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(answeredAt, "answeredAt");
    stopped = text(stopped, MAX_TEXT, "stopped");
    changed = text(changed, MAX_TEXT, "changed");
    moreTimeBecause = text(moreTimeBecause, MAX_TEXT, "moreTimeBecause");
    name = text(name, MAX_NAME, "name");
    if (name.contains("\n")) {
      throw new IllegalArgumentException("name: one line");
    }
    if (verdict == Verdict.NEED_TIME && moreTimeBecause.isEmpty()) {
      throw new IllegalArgumentException("moreTimeBecause: required when asking for more time");
    }
  }

  /**
   * A field as kept: line breaks as {@code \n}, stripped; null is empty. Other control characters
   * are refused, as is a text over {@code max} characters.
   */
  private static String text(String value, int max, String what) {
    if (value == null) {
      return "";
    }
    String kept = value.replace("\r\n", "\n").replace('\r', '\n').strip();
    if (kept.codePointCount(0, kept.length()) > max) {
      throw new IllegalArgumentException(what + ": at most " + max + " characters");
    }
    if (kept.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      throw new IllegalArgumentException(what + ": control characters");
    }
    // Invisible format characters (bidirectional overrides, zero-width ones) go: what the team
    // reads
    // and quotes to AWS is what the text holds. Paragraph and line separators are line breaks.
    return kept.replaceAll("\\p{Cf}", "").replaceAll("[\\u2028\\u2029]", "\n").strip();
  }
}
