package dev.abusedesk.config;

import java.util.Objects;

/**
 * One text in every language the desk speaks, side by side: the one way chat messages, the
 * dashboard and the playbooks say anything. A language added to {@link Language} is a new component
 * here, so the compiler finds every text that lacks it.
 *
 * <p>A phrase may have holes, {@code {}}, filled in order by {@link #in(Language, Object...)}: each
 * language puts them where its grammar wants them.
 */
public record Phrase(String en, String ja) {

  private static final String HOLE = "{}";

  public Phrase {
    Objects.requireNonNull(en, "en");
    Objects.requireNonNull(ja, "ja");
    if (holes(en) != holes(ja)) {
      throw new IllegalArgumentException("the languages of a phrase have different holes: " + en);
    }
  }

  public String in(Language language) {
    return switch (language) {
      case EN -> en;
      case JA -> ja;
    };
  }

  /**
   * The phrase in {@code language} with its holes filled by {@code values}, in order, as they are
   * (a value that holds {@code {}} is not filled in turn).
   *
   * @throws IllegalArgumentException when the values do not match the holes (a bug)
   */
  public String in(Language language, Object... values) {
    String text = in(language);
    if (holes(text) != values.length) {
      throw new IllegalArgumentException(
          values.length + " values for the " + holes(text) + " holes of: " + text);
    }
    StringBuilder out = new StringBuilder(text.length() + 16 * values.length);
    int from = 0;
    for (Object value : values) {
      int hole = text.indexOf(HOLE, from);
      out.append(text, from, hole).append(value);
      from = hole + HOLE.length();
    }
    return out.append(text, from, text.length()).toString();
  }

  private static int holes(String text) {
    int count = 0;
    for (int at = text.indexOf(HOLE); at >= 0; at = text.indexOf(HOLE, at + HOLE.length())) {
      count++;
    }
    return count;
  }
}
