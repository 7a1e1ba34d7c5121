package dev.abusedesk.config;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Someone at a customer who is told about cases on their account, in their language.
 *
 * @param email a bare address ({@code ops@acme.example}, never {@code Ops <ops@acme.example>}), its
 *     domain in lower case, at most 254 characters: it goes into a mail header as it is
 */
public record Contact(String email, Language language) {

  /** The longest address SMTP carries (RFC 5321's path limit less the brackets). */
  public static final int MAX_EMAIL = 254;

  /** At most this many contacts on one account: each gets mail about every notified case. */
  public static final int MAX_PER_ACCOUNT = 20;

  // A dot-atom local part and a host name of at least two labels: nothing a header could misread.
  private static final Pattern ADDRESS =
      Pattern.compile(
          "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,64}(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,64})*"
              + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
              + "[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  public Contact {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(language, "language");
    if (!isAddress(email)) {
      throw new IllegalArgumentException("not an email address: " + Document.quote(email));
    }
    email = normalise(email);
  }

  /** Whether {@code text} is a bare address a contact may have. */
  public static boolean isAddress(String text) {
    if (text == null || text.length() > MAX_EMAIL || !ADDRESS.matcher(text).matches()) {
      return false;
    }
    return text.indexOf('@') <= 64;
  }

  /** The address with its domain in lower case; the local part is the mailbox's own business. */
  static String normalise(String address) {
    int at = address.lastIndexOf('@');
    return address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  /** The same contact's address in lower case, to tell two entries for one mailbox apart. */
  String mailbox() {
    return email.toLowerCase(Locale.ROOT);
  }
}
