package dev.abusedesk.cases;

import dev.abusedesk.config.Contact;
import dev.abusedesk.config.Language;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Customer notices in the store's database (its schema brought up to date by {@link
 * SqlCaseStore#open}). Every change writes its history event in the same transaction.
 */
public final class SqlCustomerNotices implements CustomerNotices {

  /** The actor of what Abuse Desk itself did: notify, tell the team of lateness. */
  static final String DESK = "abusedesk";

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final String COLUMNS =
      "id, case_id, account_id, email, language, link_id, notified_at, deadline,"
          + " last_reminded_at, revoked_at, verdict, stopped, changed, more_time_because,"
          + " answer_name, answered_at, late_told_at";

  /** The rows that may still get an answer, a reminder or be late. */
  private static final String WAITING = "answered_at IS NULL AND revoked_at IS NULL";

  /**
   * On a case that still awaits the team's reply to AWS: after it, nobody chases the customer, and
   * the notices of finished cases are not read again and again.
   */
  private static final String ON_AWAITING_CASE =
      "case_id IN (SELECT id FROM cases WHERE status IN ("
          + java.util.Arrays.stream(CaseStatus.values())
              .filter(CaseStatus::awaitsReply)
              .map(status -> "'" + status.wire() + "'")
              .collect(java.util.stream.Collectors.joining(", "))
          + "))";

  private final Database db;
  private final CaseRows rows = new CaseRows();

  public SqlCustomerNotices(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  @Override
  public List<CustomerNotice> open(
      long caseId, String accountId, List<Contact> contacts, Instant deadline, Instant now) {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(now, "now");
    List<Contact> wanted = List.copyOf(contacts);
    if (wanted.isEmpty()) {
      return List.of();
    }
    // Under the write lock: two instances opening the same case's notices must not both add one.
    return db.exclusive(
        c -> {
          Set<String> told = new HashSet<>();
          for (CustomerNotice notice : select(c, "case_id = ?", caseId)) {
            told.add(notice.contact().email());
          }
          List<Long> opened = new ArrayList<>();
          for (Contact contact : wanted) {
            if (!told.add(contact.email())) {
              continue;
            }
            long id = insert(c, caseId, accountId, contact, deadline, now);
            rows.event(
                c,
                caseId,
                now,
                DESK,
                CaseEvent.Type.CUSTOMER_NOTIFIED,
                null,
                null,
                null,
                contact.email());
            opened.add(id);
          }
          List<CustomerNotice> notices = new ArrayList<>();
          for (long id : opened) {
            notices.add(one(c, id).orElseThrow());
          }
          return notices;
        });
  }

  private static long insert(
      Connection c, long caseId, String accountId, Contact contact, Instant deadline, Instant now)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO customer_notices (case_id, account_id, email, language, link_id,"
                + " notified_at, deadline) VALUES (?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      p.setLong(1, caseId);
      p.setString(2, accountId);
      p.setString(3, contact.email());
      p.setString(4, contact.language().wire());
      p.setString(5, newLinkId());
      p.setLong(6, now.toEpochMilli());
      p.setLong(7, deadline.toEpochMilli());
      p.executeUpdate();
      try (ResultSet keys = p.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  @Override
  public List<CustomerNotice> forCase(long caseId) {
    return db.transaction(c -> select(c, "case_id = ? ORDER BY id", caseId));
  }

  @Override
  public Optional<CustomerNotice> find(long noticeId) {
    return db.transaction(c -> one(c, noticeId));
  }

  @Override
  public boolean answer(long noticeId, String linkId, CustomerAnswer answer) {
    Objects.requireNonNull(answer, "answer");
    return db.transaction(
        c -> {
          Optional<CustomerNotice> notice = one(c, noticeId);
          if (notice.isEmpty()) {
            return false;
          }
          int changed;
          // The condition makes the first answer win when two arrive at once.
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE customer_notices SET verdict = ?, stopped = ?, changed = ?,"
                      + " more_time_because = ?, answer_name = ?, answered_at = ?"
                      + " WHERE id = ? AND link_id = ? AND "
                      + WAITING)) {
            p.setString(1, answer.verdict().wire());
            p.setString(2, answer.stopped());
            p.setString(3, answer.changed());
            p.setString(4, answer.moreTimeBecause());
            p.setString(5, answer.name());
            p.setLong(6, answer.answeredAt().toEpochMilli());
            p.setLong(7, noticeId);
            p.setString(8, linkId);
            changed = p.executeUpdate();
          }
          if (changed == 0) {
            return false;
          }
          CustomerNotice n = notice.get();
          rows.event(
              c,
              n.caseId(),
              answer.answeredAt(),
              n.contact().email(),
              CaseEvent.Type.CUSTOMER_ANSWERED,
              null,
              null,
              null,
              answer.verdict().wire());
          try (PreparedStatement p =
              c.prepareStatement("UPDATE cases SET updated_at = ? WHERE id = ?")) {
            p.setLong(1, answer.answeredAt().toEpochMilli());
            p.setLong(2, n.caseId());
            p.executeUpdate();
          }
          return true;
        });
  }

  @Override
  public CustomerNotice reissue(long noticeId, String actor, Instant now) {
    requireActor(actor);
    return db.transaction(
        c -> {
          CustomerNotice notice =
              one(c, noticeId)
                  .orElseThrow(() -> new NoSuchElementException("no customer notice " + noticeId));
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE customer_notices SET link_id = ?, revoked_at = NULL,"
                      + " last_reminded_at = ? WHERE id = ?")) {
            p.setString(1, newLinkId());
            p.setLong(2, now.toEpochMilli());
            p.setLong(3, noticeId);
            p.executeUpdate();
          }
          rows.event(
              c,
              notice.caseId(),
              now,
              actor,
              CaseEvent.Type.CUSTOMER_LINK_REISSUED,
              null,
              null,
              null,
              notice.contact().email());
          return one(c, noticeId).orElseThrow();
        });
  }

  @Override
  public void revoke(long noticeId, String actor, Instant now) {
    requireActor(actor);
    stampOnce(noticeId, "revoked_at", now, actor, CaseEvent.Type.CUSTOMER_LINK_REVOKED);
  }

  /**
   * Sets a notice's {@code column} to {@code at} unless it is set already, and writes the history
   * event of that change, in one transaction: a second call changes nothing and writes nothing.
   *
   * @param column one of this class's own column names, never anything from outside
   */
  private void stampOnce(
      long noticeId, String column, Instant at, String actor, CaseEvent.Type type) {
    db.transaction(
        c -> {
          Optional<CustomerNotice> notice = one(c, noticeId);
          if (notice.isEmpty()) {
            return null;
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE customer_notices SET "
                      + column
                      + " = ? WHERE id = ? AND "
                      + column
                      + " IS NULL")) {
            p.setLong(1, at.toEpochMilli());
            p.setLong(2, noticeId);
            if (p.executeUpdate() == 0) {
              return null;
            }
          }
          rows.event(
              c,
              notice.get().caseId(),
              at,
              actor,
              type,
              null,
              null,
              null,
              notice.get().contact().email());
          return null;
        });
  }

  @Override
  public List<CustomerNotice> dueForReminder(Instant now, Duration every) {
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("every must be positive: " + every);
    }
    return db.transaction(
        c ->
            select(
                c,
                WAITING
                    + " AND "
                    + ON_AWAITING_CASE
                    + " AND deadline > ? AND COALESCE(last_reminded_at, notified_at) <= ?"
                    + " ORDER BY deadline, id",
                now.toEpochMilli(),
                now.minus(every).toEpochMilli()));
  }

  @Override
  public void reminded(long noticeId, Instant at) {
    db.transaction(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("UPDATE customer_notices SET last_reminded_at = ? WHERE id = ?")) {
            p.setLong(1, at.toEpochMilli());
            p.setLong(2, noticeId);
            p.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<CustomerNotice> lateUntold(Instant now) {
    return db.transaction(
        c ->
            select(
                c,
                WAITING
                    + " AND "
                    + ON_AWAITING_CASE
                    + " AND late_told_at IS NULL AND deadline <= ? ORDER BY deadline, id",
                now.toEpochMilli()));
  }

  @Override
  public void lateTold(long noticeId, Instant at) {
    stampOnce(noticeId, "late_told_at", at, DESK, CaseEvent.Type.CUSTOMER_LATE);
  }

  @Override
  public Map<Long, CustomerState> states(Collection<Long> caseIds, Instant now) {
    Map<Long, CustomerState> states = new LinkedHashMap<>();
    for (Long id : caseIds) {
      states.put(Objects.requireNonNull(id, "case id"), CustomerState.NOT_NOTIFIED);
    }
    if (states.isEmpty()) {
      return states;
    }
    List<Long> ids = List.copyOf(states.keySet());
    db.transaction(
        c -> {
          // In slices: a page of the dashboard asks for a few hundred cases; drivers cap
          // parameters.
          for (int from = 0; from < ids.size(); from += 500) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(slice.size(), "?"));
            for (CustomerNotice notice : select(c, "case_id IN (" + marks + ")", slice.toArray())) {
              CustomerState state = notice.status(now);
              states.merge(notice.caseId(), state, (a, b) -> a.urgency() >= b.urgency() ? a : b);
            }
          }
          return null;
        });
    return states;
  }

  private Optional<CustomerNotice> one(Connection c, long id) throws SQLException {
    return select(c, "id = ?", id).stream().findFirst();
  }

  /** The notices where {@code condition} holds, its parameters longs. */
  private static List<CustomerNotice> select(Connection c, String condition, Object... parameters)
      throws SQLException {
    List<CustomerNotice> notices = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement("SELECT " + COLUMNS + " FROM customer_notices WHERE " + condition)) {
      for (int i = 0; i < parameters.length; i++) {
        p.setLong(i + 1, (Long) parameters[i]);
      }
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          notices.add(notice(r));
        }
      }
    }
    return notices;
  }

  private static CustomerNotice notice(ResultSet r) throws SQLException {
    Optional<Instant> answeredAt = instant(r, 16);
    Optional<CustomerAnswer> answer =
        answeredAt.map(
            at -> {
              try {
                return new CustomerAnswer(
                    CustomerAnswer.Verdict.fromWire(r.getString(11)),
                    r.getString(12),
                    r.getString(13),
                    r.getString(14),
                    r.getString(15),
                    at);
              } catch (SQLException e) {
                throw new StoreException("customer notice: " + e.getMessage(), e);
              }
            });
    return new CustomerNotice(
        r.getLong(1),
        r.getLong(2),
        r.getString(3),
        new Contact(r.getString(4), language(r.getString(5))),
        r.getString(6),
        Instant.ofEpochMilli(r.getLong(7)),
        Instant.ofEpochMilli(r.getLong(8)),
        instant(r, 9),
        instant(r, 10),
        answer,
        instant(r, 17));
  }

  private static Optional<Instant> instant(ResultSet r, int column) throws SQLException {
    long value = r.getLong(column);
    return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
  }

  /** A stored language; one this version does not speak reads as English. */
  private static Language language(String wire) {
    for (Language language : Language.values()) {
      if (language.wire().equals(wire)) {
        return language;
      }
    }
    return Language.EN;
  }

  private static void requireActor(String actor) {
    if (actor == null || actor.isBlank() || actor.length() > 200) {
      throw new IllegalArgumentException("say who does it (1 to 200 characters)");
    }
  }

  private static String newLinkId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
