package dev.abusedesk.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Separates the third party's complaint from AWS's own words, and reads what it names. */
final class Complaints {

  private Complaints() {}

  static final int EXCERPT_CHARS = 600;
  private static final int MAX_LISTED = 20;

  // A line that introduces the forwarded complaint. A sentence inside a paragraph ("We've included
  // the original report below for your review.") is not one: AWS writes it before its own
  // instructions too.
  private static final Pattern MARKER =
      Pattern.compile(
          "(?im)^[ \\t]*(?:-{3,}\\s*Beginning of forwarded report\\(?s?\\)?\\s*-{0,}"
              + "|Original (?:abuse )?report(?:\\(s\\)|s)?(?: (?:below|follows))?\\s*:"
              + "|We(?:'ve| have) included the original (?:abuse )?report(?:\\(s\\)|s)? below[^\\n]*:"
              + "|-{3,}\\s*(?:Original Message|Forwarded report)\\s*-{3,})[ \\t]*$");

  // An IPv4 address stops at its last octet ("192.0.2.1:53211" names a port, "192.0.2.1." ends a
  // sentence); an IPv6 address takes every hex digit and colon, since a shorter match would cut it
  // at a colon.
  private static final Pattern TEXT_SOURCE_IP =
      Pattern.compile(
          "(?i)(?:\\bSource(?:[- ]?IP)?(?: Address)?\\s*[:=]\\s*|\\bfrom\\s+(?:IP\\s+)?)"
              + "\\[?((?:\\d{1,3}\\.){3}\\d{1,3}(?!\\d|\\.\\d)|[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]{2,41})"
              + "\\]?(?=[\\s,;:).]|$)");

  private static final Pattern URL_HOST =
      Pattern.compile("(?i)\\bhttps?://([a-z0-9.-]{1,253})(?::\\d+)?(?=[/\\s\"'<>)]|$)");

  private static final Pattern RECIPIENT =
      Pattern.compile(
          "(?im)(?:^\\s*(?:To|Original-Rcpt-To|Delivered-To)\\s*:.*?|\\bfor\\s+)"
              + "<?[A-Za-z0-9._%+-]{1,64}@([A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,24})>?");

  private static final Pattern EMAIL_DOMAIN =
      Pattern.compile("@([A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,24})");

  private static final Pattern AWS_DOMAIN =
      Pattern.compile("(?i)(?:^|\\.)(?:amazon\\.com|aws\\.com|amazonaws\\.com|amazonses\\.com)$");

  private static final Pattern HOST_NAME =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

  private static final ObjectMapper JSON = Json.MAPPER;

  /** The AWS-written part and the inline complaint after it (empty when none). */
  record Split(String aws, String complaint) {}

  static Split split(String text) {
    // Every marker names an original or a forwarded report: only those lines are tried.
    java.util.Optional<java.util.regex.MatchResult> marker =
        KeywordScan.firstLine(
            MARKER, text, KeywordScan.lower(text), "original", "forwarded report");
    if (marker.isEmpty()) {
      return new Split(text, "");
    }
    String aws = withoutTrailingDashLine(text.substring(0, marker.get().start()));
    return new Split(aws, text.substring(marker.get().end()));
  }

  /** The text without the "-----" rule that AWS puts above the marker. */
  private static String withoutTrailingDashLine(String text) {
    int end = text.length();
    if (end > 0 && text.charAt(end - 1) == '\n') {
      end--;
    }
    int lineStart = text.lastIndexOf('\n', end - 1) + 1;
    String line = text.substring(lineStart, end).strip();
    if (line.length() >= 10 && line.chars().allMatch(c -> c == '-' || c == '=' || c == '_')) {
      return text.substring(0, lineStart);
    }
    return text;
  }

  /** Puts together the complaint from everything the mail embeds besides AWS's words. */
  static Complaint read(
      String inlineComplaint,
      List<String> otherTexts,
      List<MailReader.Attached> attached,
      List<String> jsonAttachments) {
    TreeSet<String> sourceIps = new TreeSet<>();
    TreeSet<String> reported = new TreeSet<>();
    TreeSet<String> recipients = new TreeSet<>();
    StringBuilder excerpt = new StringBuilder();
    ComplaintFormat format = ComplaintFormat.NONE;

    for (String json : jsonAttachments) {
      JsonNode xarf = xarf(json);
      if (xarf == null) {
        continue;
      }
      format = ComplaintFormat.XARF;
      String source = xarf.path("source_identifier").asText("");
      if (Identifiers.isIp(source)) {
        sourceIps.add(Identifiers.ip(source));
      } else if (!source.isBlank()) {
        addDomain(reported, source);
      }
      for (String key : List.of("url", "domain", "destination")) {
        String value = xarf.path(key).asText("");
        if (!value.isBlank()) {
          hostOf(value)
              .ifPresentOrElse(h -> addDomain(reported, h), () -> addDomain(reported, value));
        }
      }
      appendExcerpt(
          excerpt,
          String.join(
              " — ",
              List.of(
                  xarf.path("category").asText(""),
                  xarf.path("type").asText(""),
                  xarf.path("description").asText(""))));
    }

    for (MailReader.Attached message : attached) {
      Map<String, String> feedback = message.feedbackReport();
      if (!feedback.isEmpty()) {
        if (format == ComplaintFormat.NONE) {
          format = ComplaintFormat.ARF;
        }
        String ip = feedback.getOrDefault("source-ip", "").strip();
        if (Identifiers.isIp(ip)) {
          sourceIps.add(Identifiers.ip(ip));
        }
        addDomain(reported, feedback.getOrDefault("reported-domain", ""));
        addRecipient(recipients, feedback.getOrDefault("original-rcpt-to", ""));
      } else if ("yes".equalsIgnoreCase(message.headers().getOrDefault("x-arf", ""))) {
        if (format == ComplaintFormat.NONE) {
          format = ComplaintFormat.XARF;
        }
      } else if (format == ComplaintFormat.NONE && !message.texts().isEmpty()) {
        format = ComplaintFormat.TEXT;
      }
      String headers = message.rfc822Headers();
      if (!headers.isEmpty()) {
        addRecipient(recipients, MailHeaders.block(headers).getOrDefault("to", ""));
      }
      for (String text : message.texts()) {
        readText(text, sourceIps, reported, recipients);
        appendExcerpt(excerpt, text);
      }
    }

    List<String> texts = new ArrayList<>();
    if (!inlineComplaint.isBlank()) {
      texts.add(inlineComplaint);
    }
    for (String text : otherTexts) {
      if (!text.isBlank()) {
        texts.add(text);
      }
    }
    for (String text : texts) {
      if (format == ComplaintFormat.NONE) {
        format = ComplaintFormat.TEXT;
      }
      readText(text, sourceIps, reported, recipients);
      appendExcerpt(excerpt, text);
    }
    if (format == ComplaintFormat.NONE) {
      return Complaint.NONE;
    }
    return new Complaint(
        format, excerpt.toString().strip(), first(sourceIps), first(reported), first(recipients));
  }

  private static JsonNode xarf(String json) {
    if (!json.toLowerCase(Locale.ROOT).contains("xarf")) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(json);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static void readText(
      String text,
      TreeSet<String> sourceIps,
      TreeSet<String> reported,
      TreeSet<String> recipients) {
    String bounded = text.length() > 64 * 1024 ? text.substring(0, 64 * 1024) : text;
    String lower = KeywordScan.lower(bounded);
    for (MatchResult ip :
        KeywordScan.inTextOrder(TEXT_SOURCE_IP, bounded, lower, 1000, "source", "from")) {
      String candidate = Identifiers.trimTrailingPunctuation(ip.group(1));
      if (Identifiers.isIp(candidate) && sourceIps.size() < MAX_LISTED) {
        sourceIps.add(Identifiers.ip(candidate));
      }
    }
    for (MatchResult url : KeywordScan.inTextOrder(URL_HOST, bounded, lower, 1000, "http")) {
      if (reported.size() < MAX_LISTED) {
        addDomain(reported, url.group(1));
      }
    }
    // A recipient is named on a line with an address: only those lines are tried.
    for (int at = bounded.indexOf('@'); at >= 0 && recipients.size() < MAX_LISTED; ) {
      int lineStart = bounded.lastIndexOf('\n', at) + 1;
      int newline = bounded.indexOf('\n', at);
      int lineEnd = newline < 0 ? bounded.length() : newline;
      Matcher rcpt = RECIPIENT.matcher(bounded).region(lineStart, lineEnd);
      while (rcpt.find() && recipients.size() < MAX_LISTED) {
        addDomain(recipients, rcpt.group(1));
      }
      at = newline < 0 ? -1 : bounded.indexOf('@', newline);
    }
  }

  private static void addRecipient(TreeSet<String> recipients, String address) {
    Matcher m = EMAIL_DOMAIN.matcher(address);
    while (m.find()) {
      addDomain(recipients, m.group(1));
    }
  }

  private static void addDomain(TreeSet<String> into, String raw) {
    String domain = Identifiers.trimTrailingPunctuation(raw.strip()).toLowerCase(Locale.ROOT);
    if (domain.isEmpty()
        || domain.length() > 253
        || !HOST_NAME.matcher(domain).matches()
        || Identifiers.isIpv4(domain)
        || AWS_DOMAIN.matcher(domain).find()
        || into.size() >= MAX_LISTED) {
      return;
    }
    into.add(domain);
  }

  private static java.util.Optional<String> hostOf(String url) {
    try {
      return java.util.Optional.ofNullable(URI.create(url.strip()).getHost());
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  private static void appendExcerpt(StringBuilder excerpt, String text) {
    if (excerpt.length() >= EXCERPT_CHARS) {
      return;
    }
    String normalised = normalise(text, EXCERPT_CHARS - excerpt.length());
    if (normalised.isEmpty()) {
      return;
    }
    if (excerpt.length() > 0) {
      excerpt.append(" … ");
    }
    excerpt.append(normalised);
  }

  /** Collapses whitespace and cuts at {@code max} characters without splitting a surrogate pair. */
  static String normalise(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max));
    boolean space = false;
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      boolean printableAscii = c > ' ' && c < 0x7f;
      if (!printableAscii && (Character.isWhitespace(c) || Character.isISOControl(c))) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c);
    }
    if (out.length() > max) {
      out.setLength(max);
    }
    if (out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }

  private static List<String> first(TreeSet<String> values) {
    return values.stream().limit(MAX_LISTED).toList();
  }
}
