package dev.abusedesk.config;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** The problems found so far while reading one file; bounded so a broken file stays readable. */
final class Problems {

  static final int LIMIT = 200;

  private final List<Problem> found = new ArrayList<>();
  private int dropped;

  void add(String path, Node at, String message) {
    add(new Problem(path, message, at == null ? 0 : at.getStartMark().getLine() + 1));
  }

  void add(Problem problem) {
    if (found.size() < LIMIT) {
      found.add(problem);
    } else {
      dropped++;
    }
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
    List<Problem> all = new ArrayList<>(found);
    if (dropped > 0) {
      all.add(new Problem("", "and " + dropped + " more problems"));
    }
    throw new ConfigException(all);
  }

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
