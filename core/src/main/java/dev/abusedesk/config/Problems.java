package dev.abusedesk.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The problems found so far while reading one file; bounded so a broken file stays readable, and
 * reported in the order of the file whatever order the sections were read in.
 */
final class Problems {

  static final int LIMIT = 200;

  private final List<Entry> found = new ArrayList<>();
  private int dropped;

  void add(String path, Node at, String message) {
    int line = line(at);
    add(new Problem(path, message, line), line);
  }

  void add(Problem problem) {
    add(problem, problem.line());
  }

  /**
   * A problem whose line is not a line of this file (a line of the accounts CSV): it is placed
   * where {@code anchor} is, and shows no line.
   */
  void addAt(Node anchor, String path, String message) {
    add(new Problem(path, message), line(anchor));
  }

  /** A problem about a whole list or mapping, placed after what is in it. */
  void addAfter(String path, Node at, String message) {
    add(new Problem(path, message, line(at)), at.getEndMark().getLine() + 1);
  }

  private void add(Problem problem, int order) {
    if (found.size() < LIMIT) {
      found.add(new Entry(problem, order));
    } else {
      dropped++;
    }
  }

  private static int line(Node at) {
    return at == null ? 0 : at.getStartMark().getLine() + 1;
  }

  int count() {
    return found.size() + dropped;
  }

  boolean isEmpty() {
    return count() == 0;
  }

  /** A point to ask "has anything gone wrong since?" before building a record. */
  Mark mark() {
    return new Mark(count());
  }

  /** Throws a {@link ConfigException} with everything found, if anything was. */
  void throwIfAny() {
    if (isEmpty()) {
      return;
    }
    List<Problem> all =
        new ArrayList<>(
            found.stream()
                .sorted(Comparator.comparingInt(Entry::order))
                .map(Entry::problem)
                .toList());
    if (dropped > 0) {
      all.add(new Problem("", "and " + dropped + " more problems"));
    }
    throw new ConfigException(all);
  }

  private record Entry(Problem problem, int order) {}

  final class Mark {
    private final int at;

    private Mark(int at) {
      this.at = at;
    }

    boolean clean() {
      return count() == at;
    }
  }
}
