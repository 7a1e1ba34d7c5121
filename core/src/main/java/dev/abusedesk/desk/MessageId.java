package dev.abusedesk.desk;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Message-ID as RFC 5322 writes it, {@code <left@right>}, without its obsolete forms: a dot-atom
 * on the left, a dot-atom or a domain literal on the right. What a mail said is only ever written
 * into a header of ours through this, so a value with a line break, a control character, a space or
 * another bracket cannot reach one: it is not a Message-ID, and is dropped.
 */
record MessageId(String left, String right) {

  /** Longer ones are not seen from real mailers, and a References line of ten still folds. */
  static final int MAX_LENGTH = 250;

  private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
  private static final String DOT_ATOM = ATEXT + "+(?:\\." + ATEXT + "+)*";
  private static final Pattern LEFT = Pattern.compile(DOT_ATOM);
  // A domain literal: printable ASCII except [, ] and \.
  private static final Pattern RIGHT = Pattern.compile(DOT_ATOM + "|\\[[!-Z^-~]*\\]");

  MessageId {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    if (!LEFT.matcher(left).matches() || !RIGHT.matcher(right).matches()) {
      throw new IllegalArgumentException("not a Message-ID");
    }
    if (left.length() + right.length() + 3 > MAX_LENGTH) {
      throw new IllegalArgumentException("Message-ID too long");
    }
  }

  /** The Message-ID in {@code text}, which must be exactly {@code <left@right>}. */
  static Optional<MessageId> parse(String text) {
    if (text == null
        || text.length() > MAX_LENGTH
        || text.length() < 5
        || text.charAt(0) != '<'
        || text.charAt(text.length() - 1) != '>') {
      return Optional.empty();
    }
    String inner = text.substring(1, text.length() - 1);
    // The left side has no @, so the first one splits; a literal on the right may not hold one.
    int at = inner.indexOf('@');
    if (at < 0) {
      return Optional.empty();
    }
    String left = inner.substring(0, at);
    String right = inner.substring(at + 1);
    if (!LEFT.matcher(left).matches() || !RIGHT.matcher(right).matches()) {
      return Optional.empty();
    }
    return Optional.of(new MessageId(left, right));
  }

  /** As a header writes it: one pair of angle brackets. */
  String header() {
    return "<" + left + "@" + right + ">";
  }
}
