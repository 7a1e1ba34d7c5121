package dev.abusedesk.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * Streams one mail through mime4j and keeps only what the report needs, within fixed bounds: the
 * interesting top-level headers, the first inline text (the AWS-written part), other inline texts,
 * and what attached messages and reports say. Attachments are never held in memory.
 */
final class MailReader {

  static final int MAX_TEXT_CHARS = 256 * 1024;
  static final int MAX_TEXT_PARTS = 32;
  static final int MAX_DEPTH = 16;

  private static final MimeConfig CONFIG =
      MimeConfig.custom()
          .setStrictParsing(false)
          .setMaxLineLen(512 * 1024)
          .setMaxHeaderLen(1024 * 1024)
          .setMaxHeaderCount(-1)
          .setMaxContentLen(-1)
          .setMalformedHeaderStartsBody(true)
          .build();

  /** One inline text of the mail, with where it sits. */
  record Text(String mimeType, String content, boolean attachment, boolean inAlternative) {}

  /** A message attached to the mail (usually the original complaint). */
  record Attached(
      Map<String, String> headers,
      List<String> texts,
      Map<String, String> feedbackReport,
      String rfc822Headers) {}

  /**
   * What the reader kept of a mail.
   *
   * @param authenticationResults every top-level {@code Authentication-Results} value, topmost
   *     (added last, by the server nearest to us) first
   */
  record Mail(
      Map<String, String> headers,
      List<Text> texts,
      List<Attached> attached,
      List<String> jsonAttachments,
      boolean truncated,
      List<String> authenticationResults) {}

  /** Authentication-Results headers kept: the trusted one is near the top. */
  private static final int MAX_RESULTS = 20;

  private MailReader() {}

  private static final class Entity {
    final boolean message;
    final int messageDepth;
    String multipartSubtype = "";
    String disposition = "";
    String fileName = "";
    final Map<String, String> headers = new LinkedHashMap<>();
    Attached attached;

    Entity(boolean message, int messageDepth) {
      this.message = message;
      this.messageDepth = messageDepth;
    }
  }

  static Mail read(InputStream in) throws IOException {
    MimeTokenStream stream = new MimeTokenStream(CONFIG, DecodeMonitor.SILENT, null);
    stream.setRecursionMode(RecursionMode.M_RECURSE);
    stream.parse(in);

    Map<String, String> top = new LinkedHashMap<>();
    List<String> results = new ArrayList<>();
    List<Text> texts = new ArrayList<>();
    List<Attached> attached = new ArrayList<>();
    List<String> json = new ArrayList<>();
    Deque<Entity> entities = new ArrayDeque<>();
    boolean truncated = false;
    int messageDepth = 0;

    try {
      for (EntityState state = stream.getState();
          state != EntityState.T_END_OF_STREAM;
          state = next(stream)) {
        switch (state) {
          case T_START_MESSAGE -> {
            messageDepth++;
            Entity entity = new Entity(true, messageDepth);
            if (messageDepth == 2) {
              entity.attached =
                  new Attached(new LinkedHashMap<>(), new ArrayList<>(), new LinkedHashMap<>(), "");
            }
            entities.push(entity);
            truncated |= limitDepth(stream, entities.size());
          }
          case T_END_MESSAGE -> {
            Entity done = entities.pop();
            messageDepth--;
            if (done.attached != null && attached.size() < MAX_TEXT_PARTS) {
              attached.add(done.attached);
            }
          }
          case T_START_BODYPART -> {
            entities.push(new Entity(false, messageDepth));
            truncated |= limitDepth(stream, entities.size());
          }
          case T_END_BODYPART -> entities.pop();
          case T_START_MULTIPART -> {
            Entity current = entities.peek();
            if (current != null) {
              current.multipartSubtype = stream.getBodyDescriptor().getSubType();
            }
          }
          case T_FIELD -> {
            Entity current = entities.peek();
            if (current != null) {
              boolean topLevel = messageDepth == 1 && current.message;
              field(stream.getField(), current, topLevel ? top : null);
              if (topLevel
                  && stream.getField().getNameLowerCase().equals("authentication-results")
                  && results.size() < MAX_RESULTS) {
                results.add(MailHeaders.value(stream.getField()));
              }
            }
          }
          case T_BODY -> {
            if (texts.size() + json.size() >= MAX_TEXT_PARTS) {
              truncated = true;
              break;
            }
            truncated |= body(stream, entities, texts, json);
          }
          default -> {
            // Preamble, epilogue and raw entities carry nothing a report needs.
          }
        }
      }
    } catch (MimeException e) {
      // Limits exceeded or broken structure: keep what was read so far.
      truncated = true;
    }
    return new Mail(top, texts, attached, json, truncated, results);
  }

  /**
   * The next token. mime4j's own state checks trip on some broken structures (found by fuzzing: a
   * boundary scan asking to unread across a buffer refill); the mail then ends there, as it does
   * when mime4j reports the structure broken.
   */
  private static EntityState next(MimeTokenStream stream) throws IOException, MimeException {
    try {
      return stream.next();
    } catch (IllegalStateException e) {
      throw new MimeException(e);
    }
  }

  private static boolean limitDepth(MimeTokenStream stream, int depth) {
    // Deeper entities are not parsed into parts: their bodies are skipped as one.
    boolean tooDeep = depth >= MAX_DEPTH;
    stream.setRecursionMode(tooDeep ? RecursionMode.M_FLAT : RecursionMode.M_RECURSE);
    return tooDeep;
  }

  private static void field(Field field, Entity entity, Map<String, String> top) {
    String name = field.getNameLowerCase();
    String value = MailHeaders.value(field);
    switch (name) {
      case "content-disposition" -> {
        entity.disposition = value.toLowerCase(Locale.ROOT);
        entity.fileName = MailHeaders.parameter(value, "filename");
      }
      case "content-type" -> {
        if (entity.fileName.isEmpty()) {
          entity.fileName = MailHeaders.parameter(value, "name");
        }
      }
      default -> {}
    }
    keep(entity.headers, name, value);
    if (entity.attached != null) {
      keep(entity.attached.headers(), name, value);
    }
    if (top != null) {
      keep(top, name, value);
    }
  }

  /** The headers the report is made of: kept wherever they stand among thousands of others. */
  private static final java.util.Set<String> REPORT_HEADERS =
      java.util.Set.of(
          "from",
          "to",
          "subject",
          "date",
          "message-id",
          "in-reply-to",
          "references",
          "authentication-results",
          "x-arf");

  private static final int MAX_KEPT_HEADERS = 64;

  private static void keep(Map<String, String> headers, String name, String value) {
    if (headers.size() < MAX_KEPT_HEADERS || REPORT_HEADERS.contains(name)) {
      headers.putIfAbsent(name, value);
    }
  }

  private static boolean body(
      MimeTokenStream stream, Deque<Entity> entities, List<Text> texts, List<String> json)
      throws IOException {
    BodyDescriptor descriptor = stream.getBodyDescriptor();
    String mime = descriptor.getMimeType().toLowerCase(Locale.ROOT);
    Entity entity = entities.peek();
    if (entity == null) {
      return false;
    }
    boolean attachment =
        entity.disposition.startsWith("attachment")
            || (!entity.fileName.isEmpty() && !entity.disposition.startsWith("inline"));
    Entity enclosingMessage = nearestAttached(entities);
    boolean inAlternative = parentSubtype(entities).equals("alternative");

    if (mime.equals("message/feedback-report") && enclosingMessage != null) {
      Bounded text = readText(stream, descriptor.getCharset(), 64 * 1024);
      enclosingMessage.attached.feedbackReport().putAll(MailHeaders.block(text.content()));
      return text.truncated();
    }
    if (mime.equals("text/rfc822-headers") && enclosingMessage != null) {
      Bounded text = readText(stream, descriptor.getCharset(), 64 * 1024);
      Attached a = enclosingMessage.attached;
      enclosingMessage.attached =
          new Attached(a.headers(), a.texts(), a.feedbackReport(), text.content());
      return text.truncated();
    }
    boolean jsonLike =
        mime.equals("application/json")
            || mime.endsWith("+json")
            || entity.fileName.toLowerCase(Locale.ROOT).endsWith(".json");
    if (jsonLike) {
      Bounded text = readText(stream, "utf-8", MAX_TEXT_CHARS);
      json.add(text.content());
      return text.truncated();
    }
    if (!mime.equals("text/plain") && !mime.equals("text/html")) {
      return false;
    }
    Bounded text = readText(stream, descriptor.getCharset(), MAX_TEXT_CHARS);
    String content = mime.equals("text/html") ? Html.toText(text.content()) : text.content();
    if (enclosingMessage != null) {
      enclosingMessage.attached.texts().add(content);
    } else {
      texts.add(new Text(mime, content, attachment, inAlternative));
    }
    return text.truncated();
  }

  private static Entity nearestAttached(Deque<Entity> entities) {
    for (Entity e : entities) {
      if (e.attached != null) {
        return e;
      }
    }
    return null;
  }

  private static String parentSubtype(Deque<Entity> entities) {
    boolean first = true;
    for (Entity e : entities) {
      if (first) {
        first = false;
        continue;
      }
      return e.multipartSubtype == null ? "" : e.multipartSubtype.toLowerCase(Locale.ROOT);
    }
    return "";
  }

  record Bounded(String content, boolean truncated) {}

  static Bounded readText(MimeTokenStream stream, String charsetName, int maxChars)
      throws IOException {
    InputStream decoded = stream.getDecodedInputStream();
    return readBounded(decoded, charset(charsetName), maxChars);
  }

  static Bounded readBounded(InputStream in, Charset charset, int maxChars) throws IOException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    Reader reader = new InputStreamReader(in, decoder);
    StringBuilder out = new StringBuilder(Math.min(maxChars, 8192));
    char[] buffer = new char[8192];
    int n;
    while ((n = reader.read(buffer, 0, Math.min(buffer.length, maxChars - out.length() + 1))) > 0) {
      out.append(buffer, 0, n);
      if (out.length() > maxChars) {
        out.setLength(maxChars);
        return new Bounded(clean(out), true);
      }
    }
    return new Bounded(clean(out), false);
  }

  // NUL and other C0 controls (except tab and line breaks) are dropped: they carry no meaning in
  // a report and must not reach a terminal or chat.
  private static String clean(StringBuilder text) {
    int w = 0;
    for (int r = 0; r < text.length(); r++) {
      char c = text.charAt(r);
      if (c >= 0x20 || c == '\n' || c == '\t') {
        text.setCharAt(w++, c);
      } else if (c == '\r') {
        if (r + 1 >= text.length() || text.charAt(r + 1) != '\n') {
          text.setCharAt(w++, '\n');
        }
      }
    }
    text.setLength(w);
    return text.toString();
  }

  private static final Map<String, String> CHARSET_ALIASES =
      Map.of(
          "utf8", "UTF-8",
          "x-sjis", "Shift_JIS",
          "shift-jis", "Shift_JIS",
          "sjis", "Shift_JIS",
          "cp932", "windows-31j",
          "ms932", "windows-31j",
          "x-unknown", "UTF-8",
          "unknown-8bit", "UTF-8");

  /** The charset a part declares; unknown or plain ASCII labels read as UTF-8. */
  static Charset charset(String name) {
    if (name == null || name.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    String key = name.strip().toLowerCase(Locale.ROOT).replace("\"", "");
    String alias = CHARSET_ALIASES.get(key);
    if (alias != null) {
      key = alias;
    }
    if (key.equals("us-ascii") || key.equals("ascii") || key.equals("ansi_x3.4-1968")) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(key);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
