package dev.abusedesk.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The file being read: where it lives (relative paths resolve against {@code baseDir}), the
 * environment secrets come from, the problems found so far, and the conversions from nodes to
 * values. Every conversion reports its own problem and returns empty, so that reading goes on and
 * finds the next problem.
 */
final class Document {

  private static final Pattern WHOLE_NUMBER = Pattern.compile("[-+]?\\d{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d{1,9}(?:\\.\\d{1,9})?");
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+");
  private static final Pattern NAMED_ADDRESS = Pattern.compile("[^<>]*<([^<>]+)>");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");

  final Problems problems = new Problems();
  final Path baseDir;
  private final Map<String, String> env;
  final SecretCheck secrets;

  Document(Path baseDir, Map<String, String> env, SecretCheck secrets) {
    this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
    this.env = Objects.requireNonNull(env, "env");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  void problem(String path, Node at, String message) {
    problems.add(path, at, message);
  }

  /** Whether the node is absent or an explicit null ({@code key:}, {@code key: ~}). */
  static boolean isNull(Node node) {
    return node == null || (node instanceof ScalarNode && Tag.NULL.equals(node.getTag()));
  }

  /** The text of a scalar of any plain type: {@code room_id: 123} is the string "123". */
  Optional<String> string(Node node, String path) {
    if (isNull(node)) {
      return Optional.empty();
    }
    if (!(node instanceof ScalarNode scalar)) {
      problem(path, node, "must be a string");
      return Optional.empty();
    }
    if (scalar.getValue().isBlank()) {
      problem(path, node, "must not be empty");
      return Optional.empty();
    }
    return Optional.of(scalar.getValue());
  }

  Optional<Long> whole(Node node, String path, long min, long max) {
    return scalarText(node, path, "must be a whole number")
        .flatMap(
            text -> {
              if (!WHOLE_NUMBER.matcher(text).matches()) {
                problem(path, node, "must be a whole number");
                return Optional.empty();
              }
              long value = Long.parseLong(text);
              if (value < min || value > max) {
                problem(path, node, "must be between " + min + " and " + max);
                return Optional.empty();
              }
              return Optional.of(value);
            });
  }

  Optional<Double> positiveNumber(Node node, String path) {
    return scalarText(node, path, "must be a number")
        .flatMap(
            text -> {
              if (!DECIMAL.matcher(text).matches() || !(Double.parseDouble(text) > 0)) {
                problem(path, node, "must be a positive number");
                return Optional.empty();
              }
              return Optional.of(Double.parseDouble(text));
            });
  }

  Optional<Boolean> bool(Node node, String path) {
    return scalarText(node, path, "must be true or false")
        .flatMap(
            text -> {
              switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on":
                  return Optional.of(true);
                case "false", "no", "off":
                  return Optional.of(false);
                default:
                  problem(path, node, "must be true or false");
                  return Optional.empty();
              }
            });
  }

  /** A positive duration: {@code 30s}, {@code 90m}, {@code 12h}, {@code 2d}, {@code 1h30m}. */
  Optional<Duration> duration(Node node, String path) {
    return scalarText(node, path, "must be a duration such as 30s, 90m, 12h or 2d")
        .flatMap(
            text -> {
              Optional<Duration> duration = DurationText.parse(text);
              if (duration.isEmpty()) {
                problem(path, node, "not a duration: " + quote(text));
              } else if (duration.get().isZero()) {
                problem(path, node, "must be positive");
                return Optional.empty();
              }
              return duration;
            });
  }

  <E extends Enum<E>> Optional<E> choice(Node node, String path, Class<E> type) {
    E[] values = type.getEnumConstants();
    List<String> names = new ArrayList<>();
    for (E value : values) {
      names.add(value.name().toLowerCase(Locale.ROOT));
    }
    String expected =
        names.size() == 2
            ? "must be " + names.get(0) + " or " + names.get(1)
            : "must be one of " + String.join(", ", names);
    return scalarText(node, path, expected)
        .flatMap(
            text -> {
              int index = names.indexOf(text);
              if (index < 0) {
                problem(path, node, expected);
                return Optional.empty();
              }
              return Optional.of(values[index]);
            });
  }

  /** An absolute http or https URL. Not for URLs that are credentials: see {@link #secretUrl}. */
  Optional<URI> url(Node node, String path) {
    return string(node, path)
        .flatMap(
            text -> {
              Optional<URI> uri = HttpUrl.parse(text);
              if (uri.isEmpty()) {
                problem(path, node, "must be an http or https URL, got " + quote(text));
              }
              return uri;
            });
  }

  /** An address, bare ({@code a@example.com}) or named ({@code Desk <a@example.com>}). */
  Optional<String> email(Node node, String path) {
    return string(node, path)
        .filter(
            text -> {
              boolean ok = isEmailAddress(text);
              if (!ok) {
                problem(path, node, "not an email address: " + quote(text));
              }
              return ok;
            });
  }

  static boolean isEmailAddress(String text) {
    Matcher named = NAMED_ADDRESS.matcher(text.trim());
    return ADDRESS.matcher(named.matches() ? named.group(1) : text).matches();
  }

  /** A host name or an IPv4 address, as a mail or IMAP server is named. */
  Optional<String> host(Node node, String path) {
    return string(node, path)
        .filter(
            text -> {
              boolean ok = text.length() <= 253 && HOST.matcher(text).matches();
              if (!ok) {
                problem(path, node, "not a host name: " + quote(text));
              }
              return ok;
            });
  }

  /** A path; a relative one resolves against the directory of the file. */
  Optional<Path> path(Node node, String path) {
    return string(node, path).map(text -> baseDir.resolve(text).normalize());
  }

  Optional<Secret> secret(Node node, String path) {
    return new SecretReader(this, env).read(node, path);
  }

  /**
   * A URL that is a credential (a webhook URL): checked, but never quoted in a problem. One that
   * could not be read is left to fail where it is used.
   */
  Optional<Secret> secretUrl(Node node, String path) {
    return secret(node, path)
        .filter(
            secret -> {
              boolean ok =
                  secret.problem().isPresent() || HttpUrl.parse(secret.reveal()).isPresent();
              if (!ok) {
                problem(path, node, "must be an http or https URL");
              }
              return ok;
            });
  }

  /** The items of a list, or empty when absent or not a list. */
  Optional<List<Node>> list(Node node, String path) {
    if (isNull(node)) {
      return Optional.empty();
    }
    if (!(node instanceof SequenceNode sequence)) {
      problem(path, node, "must be a list");
      return Optional.empty();
    }
    return Optional.of(sequence.getValue());
  }

  /**
   * Builds a record the checks above have cleared. Its constructor re-checks the invariants; if one
   * still fails, that is a gap in the checks, reported rather than crashing the whole read.
   */
  <T> Optional<T> build(String path, Node at, Supplier<T> build) {
    try {
      return Optional.of(build.get());
    } catch (IllegalArgumentException e) {
      problem(path, at, e.getMessage());
      return Optional.empty();
    }
  }

  /** A value quoted for a problem message: short, on one line. */
  static String quote(String text) {
    String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
    StringBuilder quoted = new StringBuilder("\"");
    shown
        .codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                quoted.append('\\').appendCodePoint(c);
              } else if (Character.isISOControl(c)) {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", c));
              } else {
                quoted.appendCodePoint(c);
              }
            });
    return quoted.append('"').toString();
  }

  private Optional<String> scalarText(Node node, String path, String expected) {
    if (isNull(node)) {
      return Optional.empty();
    }
    if (!(node instanceof ScalarNode scalar)) {
      problem(path, node, expected);
      return Optional.empty();
    }
    return Optional.of(scalar.getValue().trim());
  }
}
