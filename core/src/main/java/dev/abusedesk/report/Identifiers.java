package dev.abusedesk.report;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the identifiers AWS names in reports: resources, accounts, regions, IPs. */
final class Identifiers {

  private Identifiers() {}

  /** EC2-style IDs (8 or 17 hex digits), access key IDs, and ARNs. */
  static final Pattern RESOURCE =
      Pattern.compile(
          "(?<![\\w-])(?:"
              + "(?:i|eni|sg|vol|snap|ami|vpc|subnet|igw|nat|eipalloc|eipassoc|lt|vpce|tgw)"
              + "-[0-9a-f]{8}(?:[0-9a-f]{9})?"
              + "|(?:AKIA|ASIA)[A-Z0-9]{16}"
              + "|arn:aws(?:-cn|-us-gov|-iso(?:-[a-z])?)?:[a-z0-9-]{2,40}:[a-z0-9-]{0,30}:(?:\\d{12})?:"
              + "[A-Za-z0-9_+=,.@/:*-]{1,400}"
              + ")(?![\\w-])");

  /** The first characters a {@link #RESOURCE} match can start with. */
  private static final String RESOURCE_FIRST_CHARS = "iesvanltA";

  /** Receives each resource ID found, with the index after it; returns false to stop. */
  interface ResourceSink {
    boolean accept(String id, int end);
  }

  /**
   * Every {@link #RESOURCE} match in the text, in order, as a full scan finds them; the pattern is
   * tried only at the start of a word whose first character can start an ID.
   */
  static void findResources(String text, ResourceSink sink) {
    Matcher m = RESOURCE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    int length = text.length();
    for (int s = 0; s < length; s++) {
      char first = text.charAt(s);
      if (first >= 128
          || !MAY_START_RESOURCE[first]
          || (s > 0 && isWordOrDash(text.charAt(s - 1)))
          || !hasIdShape(text, s)) {
        continue;
      }
      m.region(s, length);
      if (m.lookingAt()) {
        if (!sink.accept(m.group(), m.end())) {
          return;
        }
        s = m.end() - 1;
      }
    }
  }

  static boolean mayStartResource(char c) {
    return c < 128 && MAY_START_RESOURCE[c];
  }

  private static final boolean[] MAY_START_RESOURCE = new boolean[128];

  static {
    for (char c : RESOURCE_FIRST_CHARS.toCharArray()) {
      MAY_START_RESOURCE[c] = true;
    }
  }

  /**
   * Whether a resource ID can start at {@code s}: a short lower-case prefix and a dash ("i-",
   * "subnet-"), "arn:", or an access key's "AKIA"/"ASIA". Rules out almost every English word
   * before the pattern runs.
   */
  private static boolean hasIdShape(String text, int s) {
    if (text.charAt(s) == 'A') {
      return text.startsWith("AKIA", s) || text.startsWith("ASIA", s);
    }
    int j = s;
    while (j < text.length() && j - s < 9 && text.charAt(j) >= 'a' && text.charAt(j) <= 'z') {
      j++;
    }
    if (j >= text.length()) {
      return false;
    }
    return text.charAt(j) == '-' || (text.charAt(j) == ':' && text.startsWith("arn:", s));
  }

  /** {@code [\w-]} as java.util.regex reads it: ASCII letters, digits, underscore, dash. */
  private static boolean isWordOrDash(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-';
  }

  private static final Pattern EC2_ARN =
      Pattern.compile(
          "arn:aws[a-z-]*:ec2:[a-z0-9-]*:\\d{0,12}:"
              + "(?:instance|network-interface|security-group|volume|snapshot|image|vpc|subnet"
              + "|elastic-ip|natgateway|internet-gateway|launch-template)/([A-Za-z0-9-]+)");

  private static final Pattern HEALTH_ARN = Pattern.compile("arn:aws[a-z-]*:health:");

  private static final Pattern IPV4 =
      Pattern.compile(
          "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  private static final Pattern REGION =
      Pattern.compile("global|[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}");

  private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

  /**
   * The canonical form of a resource named in a report: EC2 ARNs become their ID, other ARNs stay
   * whole; Health event ARNs are not resources.
   */
  static Optional<String> resource(String raw) {
    String value = trimTrailingPunctuation(raw.trim());
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.startsWith("arn:")) {
      if (HEALTH_ARN.matcher(value).lookingAt()) {
        return Optional.empty();
      }
      Matcher ec2 = EC2_ARN.matcher(value);
      if (ec2.matches()) {
        return Optional.of(ec2.group(1));
      }
    }
    return Optional.of(value);
  }

  static String trimTrailingPunctuation(String value) {
    int end = value.length();
    while (end > 0 && ".,;:)]>'\"".indexOf(value.charAt(end - 1)) >= 0) {
      end--;
    }
    return value.substring(0, end);
  }

  static boolean isRegion(String value) {
    return REGION.matcher(value).matches();
  }

  static boolean isIpv4(String value) {
    return IPV4.matcher(value).matches();
  }

  /** A literal IPv4 or IPv6 address, checked without any name lookup. */
  static boolean isIp(String value) {
    return isIpv4(value) || isIpv6(value);
  }

  static boolean isIpv6(String value) {
    if (value.length() < 2 || value.length() > 45 || value.indexOf(':') < 0) {
      return false;
    }
    String address = value;
    int lastColon = address.lastIndexOf(':');
    if (address.indexOf('.') > lastColon) {
      // An embedded IPv4 tail counts as two groups.
      if (!isIpv4(address.substring(lastColon + 1))) {
        return false;
      }
      address = address.substring(0, lastColon + 1) + "0:0";
    }
    int doubleColon = address.indexOf("::");
    if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String[] halves =
        doubleColon >= 0
            ? new String[] {address.substring(0, doubleColon), address.substring(doubleColon + 2)}
            : new String[] {address};
    int groups = 0;
    for (String half : halves) {
      if (half.isEmpty()) {
        continue;
      }
      for (String group : half.split(":", -1)) {
        if (!HEX_GROUP.matcher(group).matches()) {
          return false;
        }
        groups++;
      }
    }
    return doubleColon >= 0 ? groups < 8 : groups == 8;
  }

  /** The canonical text form of an IP: IPv6 lower-cased. */
  static String ip(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
