package dev.abusedesk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a regex only where it can start. A plain {@code find()} tries the whole pattern at every
 * character, which made the extractors the bulk of parsing time; a pattern that starts with a
 * keyword is tried only where {@code indexOf} finds the keyword.
 */
final class KeywordScan {

  private KeywordScan() {}

  /**
   * The text lower-cased character by character, so that every index is the same as in the text
   * ({@code String.toLowerCase} may change the length).
   */
  static String lower(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.length() == text.length()) {
      return lower;
    }
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + ('a' - 'A'));
      } else if (c >= 0x80) {
        chars[i] = Character.toLowerCase(c);
      }
    }
    return new String(chars);
  }

  /**
   * The matches of {@code pattern} that start where one of {@code keywords} (lower-case) stands in
   * {@code lower}, in text order per keyword. The pattern sees the whole text around the keyword,
   * so look-behinds and {@code \b} work as in a full scan.
   */
  static List<MatchResult> matches(
      Pattern pattern, String text, String lower, int limit, String... keywords) {
    List<MatchResult> found = new ArrayList<>();
    Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    for (String keyword : keywords) {
      int from = 0;
      int at;
      while (found.size() < limit && (at = lower.indexOf(keyword, from)) >= 0) {
        m.region(at, text.length());
        if (m.lookingAt()) {
          found.add(m.toMatchResult());
          from = Math.max(at + 1, m.end());
        } else {
          from = at + 1;
        }
      }
    }
    return found;
  }

  /** Like {@link #matches}, all keywords together, in text order. */
  static List<MatchResult> inTextOrder(
      Pattern pattern, String text, String lower, int limit, String... keywords) {
    List<MatchResult> found = matches(pattern, text, lower, Integer.MAX_VALUE, keywords);
    found.sort(java.util.Comparator.comparingInt(MatchResult::start));
    return found.size() > limit ? found.subList(0, limit) : found;
  }

  /**
   * The first match, in text order, of a pattern that matches a whole line ({@code ^...$} in
   * multi-line mode), tried only on the lines that hold one of the keywords.
   */
  static java.util.Optional<MatchResult> firstLine(
      Pattern pattern, String text, String lower, String... keywords) {
    int best = Integer.MAX_VALUE;
    MatchResult first = null;
    Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    for (String keyword : keywords) {
      int at = lower.indexOf(keyword);
      while (at >= 0) {
        int lineStart = text.lastIndexOf('\n', at) + 1;
        if (lineStart >= best) {
          break;
        }
        m.region(lineStart, text.length());
        if (m.lookingAt()) {
          best = lineStart;
          first = m.toMatchResult();
          break;
        }
        int lineEnd = text.indexOf('\n', at);
        at = lineEnd < 0 ? -1 : lower.indexOf(keyword, lineEnd);
      }
    }
    return java.util.Optional.ofNullable(first);
  }
}
