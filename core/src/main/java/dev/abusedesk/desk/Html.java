package dev.abusedesk.desk;

import java.util.Objects;

/**
 * HTML built safely: {@link #t} fills {@code {}} holes with escaped text, so every value is inert
 * unless it is itself an {@code Html} fragment built the same way. The template strings are our own
 * literals; nothing from a report or a request is ever a template.
 */
final class Html {

  private final StringBuilder out = new StringBuilder();

  static Html of() {
    return new Html();
  }

  /** Appends {@code template} with each {@code {}} replaced by the next argument, escaped. */
  Html t(String template, Object... args) {
    Objects.requireNonNull(template, "template");
    int arg = 0;
    int from = 0;
    int hole;
    while ((hole = template.indexOf("{}", from)) >= 0) {
      out.append(template, from, hole);
      if (arg >= args.length) {
        throw new IllegalArgumentException("more holes than arguments: " + template);
      }
      append(args[arg++]);
      from = hole + 2;
    }
    if (arg != args.length) {
      throw new IllegalArgumentException("more arguments than holes: " + template);
    }
    out.append(template, from, template.length());
    return this;
  }

  /** Appends text, escaped. */
  Html text(Object value) {
    append(value);
    return this;
  }

  Html add(Html fragment) {
    out.append(fragment.out);
    return this;
  }

  private void append(Object value) {
    if (value instanceof Html fragment) {
      out.append(fragment.out);
    } else {
      escape(String.valueOf(value), out);
    }
  }

  /** Escapes for text and for quoted attribute values alike. */
  static String escape(String value) {
    StringBuilder b = new StringBuilder(value.length() + 16);
    escape(value, b);
    return b.toString();
  }

  private static void escape(String value, StringBuilder b) {
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        case '`' -> b.append("&#96;");
        case '\u0000' -> b.append('\uFFFD');
        default -> b.append(ch);
      }
    }
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
