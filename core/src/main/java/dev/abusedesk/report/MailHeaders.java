package dev.abusedesk.report;

import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.Field;

/**
 * Header values as the report needs them: unfolded, decoded, bounded; and header blocks in text.
 */
final class MailHeaders {

  private MailHeaders() {}

  private static final int MAX_HEADER_CHARS = 16 * 1024;

  /** The unfolded, decoded value of a header, bounded in length. */
  static String value(Field field) {
    String raw = field.getBody();
    if (raw == null) {
      return "";
    }
    if (raw.length() > MAX_HEADER_CHARS) {
      raw = raw.substring(0, MAX_HEADER_CHARS);
    }
    // Unfolding leaves the folding whitespace (often a tab); a value reads as one line of text.
    String unfolded = raw;
    if (raw.indexOf('\n') >= 0 || raw.indexOf('\t') >= 0 || raw.indexOf('\r') >= 0) {
      unfolded = unfold(raw);
    }
    String text = maybeUtf8(unfolded);
    if (text.contains("=?")) {
      try {
        text = DecoderUtil.decodeEncodedWords(text, DecodeMonitor.SILENT);
      } catch (IllegalArgumentException e) {
        // Keep the undecoded text.
      }
    }
    return text.strip();
  }

  // mime4j reads header bytes as Latin-1; raw UTF-8 headers (common in Japanese mail) need a
  // second look.
  private static String maybeUtf8(String latin1) {
    boolean high = false;
    for (int i = 0; i < latin1.length(); i++) {
      char c = latin1.charAt(i);
      if (c > 0xFF) {
        return latin1;
      }
      high |= c >= 0x80;
    }
    if (!high) {
      return latin1;
    }
    byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return latin1;
    }
  }

  /** Every run of blanks that holds a tab or a line break becomes one space. */
  private static String unfold(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        out.append(c);
        i++;
        continue;
      }
      int start = i;
      boolean folding = false;
      while (i < raw.length()) {
        char b = raw.charAt(i);
        if (b == ' ') {
          i++;
        } else if (b == '\t' || b == '\r' || b == '\n') {
          folding = true;
          i++;
        } else {
          break;
        }
      }
      if (folding) {
        out.append(' ');
      } else {
        out.append(raw, start, i);
      }
    }
    return out.toString();
  }

  private static final Map<String, java.util.regex.Pattern> PARAMETERS =
      Map.of("filename", parameterPattern("filename"), "name", parameterPattern("name"));

  private static java.util.regex.Pattern parameterPattern(String name) {
    return java.util.regex.Pattern.compile(
        "(?i)(?:^|;)\\s*" + name + "\\*?\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]*))");
  }

  static String parameter(String headerValue, String name) {
    java.util.regex.Pattern pattern = PARAMETERS.get(name);
    java.util.regex.Matcher m =
        (pattern != null ? pattern : parameterPattern(name)).matcher(headerValue);
    if (!m.find()) {
      return "";
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  /** Parses "Name: value" lines (with folding) into a map of lower-case names to values. */
  static Map<String, String> block(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    for (String line : text.split("\n", 200)) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
        value.append(' ').append(line.strip());
        continue;
      }
      if (name != null) {
        fields.putIfAbsent(name, value.toString().strip());
        name = null;
      }
      int colon = line.indexOf(':');
      if (colon > 0 && colon < 64) {
        name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        value.setLength(0);
        value.append(line.substring(colon + 1));
      }
    }
    if (name != null) {
      fields.putIfAbsent(name, value.toString().strip());
    }
    return fields;
  }
}
