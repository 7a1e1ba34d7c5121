package dev.abusedesk.notify;

import java.nio.charset.StandardCharsets;

/** Cuts text to a size limit with a visible marker, never inside a surrogate pair. */
final class Cut {

  private Cut() {}

  /** {@code text} if it fits in {@code max} characters, else its start and {@code marker}. */
  static String chars(String text, int max, String marker) {
    if (text.length() <= max) {
      return text;
    }
    int keep = Math.max(0, max - marker.length());
    if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--;
    }
    return text.substring(0, keep).stripTrailing()
        + marker.substring(0, Math.min(max, marker.length()));
  }

  /** {@code text} if its UTF-8 form fits in {@code maxBytes}, else its start and {@code marker}. */
  static String utf8(String text, int maxBytes, String marker) {
    if (bytes(text) <= maxBytes) {
      return text;
    }
    int budget = Math.max(0, maxBytes - bytes(marker));
    int used = 0;
    int end = 0;
    while (end < text.length()) {
      int cp = text.codePointAt(end);
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (used + size > budget) {
        break;
      }
      used += size;
      end += Character.charCount(cp);
    }
    return text.substring(0, end).stripTrailing() + marker;
  }

  static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
