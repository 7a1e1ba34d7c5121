package dev.abusedesk.notify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes report text safe to show anywhere before any tool's escaping: one line, no control
 * characters (terminal escapes), no bidirectional overrides (text that reads differently than it
 * is), and bounded.
 */
final class Untrusted {

  private Untrusted() {}

  /** {@code text} on one line, whitespace runs made one space, cut to {@code max} characters. */
  static String line(String text, int max, String marker) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max + 16));
    boolean space = false;
    for (int i = 0; i < text.length() && out.length() <= max; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = out.length() > 0;
      } else if (!invisible(cp)) {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.appendCodePoint(cp);
      }
    }
    return Cut.chars(defang(out.toString()), max, marker);
  }

  private static final Pattern URL = Pattern.compile("(?i)\\bh(tt|xx)p(s?)://([^/\\s?#]+)");

  /**
   * URLs in a report may be the phishing it reports, or a spoofed mail's own bait: shown, never
   * clickable. {@code https://evil.example/x} becomes {@code hxxps://evil[.]example/x}.
   */
  static String defang(String text) {
    Matcher m = URL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      // Once only: a host defanged before keeps its [.] as it is.
      String host = m.group(3).replace("[.]", ".").replace(".", "[.]");
      m.appendReplacement(out, Matcher.quoteReplacement("hxxp" + m.group(2) + "://" + host));
    }
    return m.appendTail(out).toString();
  }

  /** A host name without a scheme: letters and digits, dots, a top-level name of letters. */
  private static final Pattern HOST =
      Pattern.compile(
          "(?i)(?<![\\w.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+)([a-z]{2,24})(?![\\w-])");

  /**
   * Every host name left in {@code text} (one {@link #line} made, its URLs defanged already) made
   * unclickable, not only URLs: for text shown to customers, whose mail clients make {@code
   * www.example.com/login} or {@code example.com} a link by themselves. {@code noc@victim.example}
   * becomes {@code noc@victim[.]example}.
   */
  static String defangHosts(String text) {
    Matcher m = HOST.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).replace(".", "[.]") + m.group(2);
      m.appendReplacement(out, Matcher.quoteReplacement(name));
    }
    return m.appendTail(out).toString();
  }

  /** Control, format (bidi overrides, zero-width) and unassigned or private characters. */
  private static boolean invisible(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.UNASSIGNED,
          Character.PRIVATE_USE,
          Character.SURROGATE ->
          true;
      default -> false;
    };
  }
}
