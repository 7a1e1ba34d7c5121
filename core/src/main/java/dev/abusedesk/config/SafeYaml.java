package dev.abusedesk.config;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Turns text into a YAML node tree and nothing else: no objects are constructed, no tags honoured,
 * and the limits below keep a hostile file (a "billion laughs" of aliases, a deep nest, a huge
 * value) from costing more than reading 1 MiB.
 */
final class SafeYaml {

  static final int MAX_CHARS = 1 << 20;
  static final int MAX_COLLECTION_ALIASES = 10;
  static final int MAX_ALIASES = 100;
  static final int MAX_SCALAR_CHARS = 1 << 16;
  static final int MAX_NESTING = 20;

  private static final Set<Tag> PLAIN =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.SEQ, Tag.MAP);

  private final Problems problems;
  private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  private int aliases;

  private SafeYaml(Problems problems) {
    this.problems = problems;
  }

  /** The root node, or empty for an empty file or when the text cannot be used safely. */
  static Optional<Node> compose(String text, Problems problems) {
    if (text.length() > MAX_CHARS) {
      problems.add("", null, "the file is larger than 1 MiB");
      return Optional.empty();
    }
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setCodePointLimit(MAX_CHARS);
    options.setProcessComments(false);
    options.setTagInspector(tag -> false);
    Node root;
    try {
      root =
          new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options)
              .getSingleNode();
    } catch (MarkedYAMLException e) {
      // Only the fixed parts of the message: the snippet would print the line, which may be a
      // secret.
      String context = e.getContext() == null ? "" : e.getContext() + ": ";
      problems.add(new Problem("", "not valid YAML: " + context + e.getProblem(), line(e)));
      return Optional.empty();
    } catch (YAMLException e) {
      String message = String.valueOf(e.getMessage());
      problems.add(
          "",
          null,
          message.contains("aliases")
              ? "too many aliases: at most "
                  + MAX_COLLECTION_ALIASES
                  + " aliases of lists or mappings are allowed"
              : "not valid YAML: " + message);
      return Optional.empty();
    }
    if (root == null) {
      return Optional.empty();
    }
    Problems.Mark mark = problems.mark();
    new SafeYaml(problems).inspect(root, "");
    return mark.clean() ? Optional.of(root) : Optional.empty();
  }

  private void inspect(Node node, String path) {
    if (!seen.add(node)) {
      if (++aliases == MAX_ALIASES + 1) {
        problems.add(path, node, "too many aliases: at most " + MAX_ALIASES + " are allowed");
      }
      return;
    }
    if (Tag.MERGE.equals(node.getTag())) {
      problems.add(path, node, "merge keys (<<) are not supported");
    } else if (!PLAIN.contains(node.getTag())) {
      problems.add(path, node, "tags are not allowed: " + node.getTag());
    }
    if (node instanceof ScalarNode scalar) {
      if (scalar.getValue().length() > MAX_SCALAR_CHARS) {
        problems.add(path, node, "longer than " + MAX_SCALAR_CHARS + " characters");
      }
    } else if (node instanceof SequenceNode sequence) {
      int index = 0;
      for (Node item : sequence.getValue()) {
        inspect(item, path + "[" + index++ + "]");
      }
    } else if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        Node key = tuple.getKeyNode();
        String name = key instanceof ScalarNode s ? s.getValue() : "?";
        String child = Section.child(path, name);
        inspect(key, child);
        inspect(tuple.getValueNode(), child);
      }
    }
  }

  private static int line(MarkedYAMLException e) {
    return e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
  }
}
