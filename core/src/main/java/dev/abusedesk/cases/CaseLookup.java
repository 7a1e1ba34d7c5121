package dev.abusedesk.cases;

import dev.abusedesk.report.Report;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finding the case a report joins by its keys, inside the store's write transaction: the strongest
 * kind of key that matches wins; keys that many cases share (an account, a resource) join only
 * within a window and when no other AWS identity says the cases are apart.
 */
final class CaseLookup {

  /** Across channels, the same account and resource join one case within this window. */
  static final Duration JOIN_WINDOW = Duration.ofHours(12);

  private final Connection c;

  CaseLookup(Connection c) {
    this.c = c;
  }

  /**
   * The case {@code report}, said at {@code at}, joins, if any: the oldest its strongest keys find.
   */
  Optional<Long> caseFor(Report report, Instant at) throws SQLException {
    JoinKeys.Kind matchedKind = null;
    Long best = null;
    if (report.provenance().forged()) {
      // A forged mail names a real case number, answers a real mail or names a real instance to
      // slip into that case: it joins none.
      return Optional.empty();
    }
    for (JoinKeys.Key key : JoinKeys.lookups(report)) {
      if (matchedKind != null && key.kind() != matchedKind) {
        break; // A stronger kind of key already matched.
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "SELECT k.case_id, k.first_seen, k.last_seen FROM case_keys k"
                  + " JOIN cases c ON c.id = k.case_id"
                  + " WHERE k.kind = ? AND k.key_value = ? AND c.forged = 0")) {
        p.setString(1, key.kind().wire());
        p.setString(2, key.value());
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            long caseId = r.getLong(1);
            if (key.kind().windowed()
                && (!withinWindow(at, r.getLong(2), r.getLong(3)) || conflicts(caseId, report))) {
              continue;
            }
            best = best == null ? caseId : Math.min(best, caseId);
            matchedKind = key.kind();
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Whether a case found by a shared resource is known by another AWS identity than the report:
   * other AWS case numbers, or another Health event. AWS counts those as separate cases, each
   * wanting its own reply, so they are not joined on a resource alone.
   */
  private boolean conflicts(long caseId, Report report) throws SQLException {
    List<String> numbers = new ArrayList<>();
    List<String> events = new ArrayList<>();
    for (JoinKeys.Key key : JoinKeys.lookups(report)) {
      if (key.kind() == JoinKeys.Kind.AWS_CASE) {
        numbers.add(key.value());
      } else if (key.kind() == JoinKeys.Kind.EVENT) {
        events.add(key.value());
      }
    }
    return disjoint(caseId, JoinKeys.Kind.AWS_CASE, numbers)
        || disjoint(caseId, JoinKeys.Kind.EVENT, events);
  }

  private boolean disjoint(long caseId, JoinKeys.Kind kind, List<String> values)
      throws SQLException {
    if (values.isEmpty()) {
      return false;
    }
    boolean any = false;
    try (PreparedStatement p =
        c.prepareStatement("SELECT key_value FROM case_keys WHERE case_id = ? AND kind = ?")) {
      p.setLong(1, caseId);
      p.setString(2, kind.wire());
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          any = true;
          if (values.contains(r.getString(1))) {
            return false;
          }
        }
      }
    }
    return any;
  }

  private static boolean withinWindow(Instant at, long firstSeen, long lastSeen) {
    long t = at.toEpochMilli();
    long window = JOIN_WINDOW.toMillis();
    return t >= firstSeen - window && t <= lastSeen + window;
  }
}
