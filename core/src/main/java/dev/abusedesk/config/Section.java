package dev.abusedesk.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One YAML mapping of the file, with its path. Opening it reports what is wrong with the mapping
 * itself (not a mapping, duplicate or unknown keys); each typed read reports what is wrong with
 * that value and returns empty.
 */
final class Section {

  private final String path;
  private final Node node;
  private final Document document;
  private final Map<String, NodeTuple> entries;

  private Section(String path, Node node, Document document, Map<String, NodeTuple> entries) {
    this.path = path;
    this.node = node;
    this.document = document;
    this.entries = entries;
  }

  /**
   * The mapping at {@code node} allowing only {@code keys} (any key when none are given); empty
   * when it is not a mapping. An explicit null ({@code console:}) is an empty mapping.
   */
  static Optional<Section> of(Node node, String path, Document document, String... keys) {
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    if (Document.isNull(node)) {
      return Optional.of(new Section(path, node, document, entries));
    }
    if (!(node instanceof MappingNode mapping)) {
      document.problem(path, node, "must be a mapping");
      return Optional.empty();
    }
    Set<String> allowed = Set.of(keys);
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key) || Document.isNull(key)) {
        document.problem(path, tuple.getKeyNode(), "keys must be strings");
        continue;
      }
      String name = key.getValue();
      String child = child(path, name);
      if (entries.containsKey(name)) {
        document.problem(child, key, "duplicate key");
      } else if (!allowed.isEmpty() && !allowed.contains(name)) {
        document.problem(child, key, "unknown key");
      } else {
        entries.put(name, tuple);
      }
    }
    return Optional.of(new Section(path, node, document, entries));
  }

  /** The path of a key below {@code path}: {@code storage.url}, or {@code language} at the root. */
  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  String path() {
    return path;
  }

  String path(String key) {
    return child(path, key);
  }

  Node node() {
    return node;
  }

  Document document() {
    return document;
  }

  /** Whether the key is given with a value (not absent, not null). */
  boolean has(String key) {
    return !Document.isNull(value(key));
  }

  /** The keys present, in the order of the file. */
  List<String> keys() {
    return Collections.unmodifiableList(new ArrayList<>(entries.keySet()));
  }

  /** The value node of a key, or null when absent. */
  Node value(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? null : tuple.getValueNode();
  }

  /** The node to point a problem about {@code key} at: its value, else the mapping itself. */
  Node at(String key) {
    Node value = value(key);
    return value == null ? node : value;
  }

  void problem(String key, String message) {
    document.problem(path(key), at(key), message);
  }

  void problem(String message) {
    document.problem(path, node, message);
  }

  /** Reports {@code key: required} when the key is missing; returns whether it is there. */
  boolean require(String key) {
    if (!has(key)) {
      problem(key, "required");
      return false;
    }
    return true;
  }

  Optional<Section> section(String key, String... keys) {
    return entries.containsKey(key) ? of(value(key), path(key), document, keys) : Optional.empty();
  }

  Optional<String> string(String key) {
    return document.string(value(key), path(key));
  }

  Optional<String> requiredString(String key) {
    return require(key) ? string(key) : Optional.empty();
  }

  Optional<Integer> integer(String key, int min, int max) {
    return document.whole(value(key), path(key), min, max).map(Long::intValue);
  }

  Optional<Long> whole(String key, long min, long max) {
    return document.whole(value(key), path(key), min, max);
  }

  Optional<Integer> port(String key) {
    return integer(key, 1, Ports.MAX);
  }

  Optional<Double> positiveNumber(String key) {
    return document.positiveNumber(value(key), path(key));
  }

  Optional<Boolean> bool(String key) {
    return document.bool(value(key), path(key));
  }

  Optional<Duration> duration(String key) {
    return document.duration(value(key), path(key));
  }

  <E extends Enum<E>> Optional<E> choice(String key, Class<E> type) {
    return document.choice(value(key), path(key), type);
  }

  Optional<URI> url(String key) {
    return document.url(value(key), path(key));
  }

  Optional<String> requiredEmail(String key) {
    return require(key) ? document.email(value(key), path(key)) : Optional.empty();
  }

  /** A list of email addresses; a bad one is reported and left out. */
  List<String> emails(String key) {
    return strings(
        key,
        value ->
            Document.isEmailAddress(value)
                ? Optional.empty()
                : Optional.of("not an email address: " + Document.quote(value)));
  }

  Optional<String> requiredHost(String key) {
    return require(key) ? document.host(value(key), path(key)) : Optional.empty();
  }

  Optional<Path> filePath(String key) {
    return document.path(value(key), path(key));
  }

  Optional<Secret> secret(String key) {
    return document.secret(value(key), path(key));
  }

  Optional<Secret> requiredSecret(String key) {
    return require(key) ? secret(key) : Optional.empty();
  }

  Optional<Secret> requiredSecretUrl(String key) {
    return require(key) ? document.secretUrl(value(key), path(key)) : Optional.empty();
  }

  /** The list under {@code key} as (path, node) items; empty when absent or not a list. */
  List<Item> list(String key) {
    List<Item> items = new ArrayList<>();
    document
        .list(value(key), path(key))
        .ifPresent(
            nodes -> {
              for (int i = 0; i < nodes.size(); i++) {
                items.add(new Item(path(key) + "[" + i + "]", nodes.get(i)));
              }
            });
    return items;
  }

  /** A list of non-empty strings; an item that is not one is reported and left out. */
  List<String> strings(String key) {
    return strings(key, value -> Optional.empty());
  }

  /**
   * A list of non-empty strings, each checked by {@code problemOf} (which says what is wrong, if
   * anything); an item with a problem is reported and left out.
   */
  List<String> strings(String key, Function<String, Optional<String>> problemOf) {
    List<String> strings = new ArrayList<>();
    for (Item item : list(key)) {
      if (Document.isNull(item.node())) {
        document.problem(item.path(), item.node(), "must not be empty");
        continue;
      }
      document
          .string(item.node(), item.path())
          .ifPresent(
              value ->
                  problemOf
                      .apply(value)
                      .ifPresentOrElse(
                          message -> document.problem(item.path(), item.node(), message),
                          () -> strings.add(value)));
    }
    return strings;
  }

  /** Whether the key holds a list with nothing in it ({@code to: []}). */
  boolean isEmptyList(String key) {
    return value(key) instanceof SequenceNode list && list.getValue().isEmpty();
  }

  /** Reports when one of two keys that go together is given without the other. */
  void together(String first, String second) {
    if (has(first) && !has(second)) {
      problem(second, "required with " + first);
    } else if (has(second) && !has(first)) {
      problem(first, "required with " + second);
    }
  }

  /** A mapping of strings to strings, such as labels; keys are free. */
  Map<String, String> stringMap(String key) {
    Map<String, String> map = new LinkedHashMap<>();
    section(key)
        .ifPresent(
            labels -> {
              for (String name : labels.keys()) {
                if (!labels.has(name)) {
                  labels.problem(name, "must not be empty");
                }
                labels.string(name).ifPresent(value -> map.put(name, value));
              }
            });
    return map;
  }

  /** One item of a list, with its path ({@code receivers[2]}). */
  record Item(String path, Node node) {}
}
