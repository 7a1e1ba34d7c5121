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

  static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
