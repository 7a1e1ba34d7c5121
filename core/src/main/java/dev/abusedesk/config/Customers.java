package dev.abusedesk.config;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code customers:}: which cases the account's contacts are told about, and how. Off (nothing is
 * ever sent to a customer) unless {@code notify_when} lists a match; the route package decides
 * whether a case fits one, as it does for routes.
 *
 * @param notifyWhen a case notifies an account's contacts when any of these matches it, evaluated
 *     with that account alone; empty: never
 * @param marginHours the customer's deadline is the case's this much earlier
 * @param remindEveryHours reminders to a contact who has not answered, this far apart
 * @param linkDays how long a response link stays valid
 */
public record Customers(
    List<Match> notifyWhen, int marginHours, int remindEveryHours, int linkDays) {

  public static final int DEFAULT_MARGIN_HOURS = 8;
  public static final int DEFAULT_REMIND_EVERY_HOURS = 4;
  public static final int DEFAULT_LINK_DAYS = 7;

  private static final Customers OFF =
      new Customers(List.of(), DEFAULT_MARGIN_HOURS, DEFAULT_REMIND_EVERY_HOURS, DEFAULT_LINK_DAYS);

  public Customers {
    notifyWhen = List.copyOf(notifyWhen);
    requireWithin(marginHours, 1, 23, "margin_hours");
    requireWithin(remindEveryHours, 1, 24, "remind_every_hours");
    requireWithin(linkDays, 1, 30, "link_days");
  }

  /** Without a {@code customers} section: no customer is ever told anything. */
  public static Customers off() {
    return OFF;
  }

  /** Whether any case can notify a customer at all. */
  public boolean isOn() {
    return !notifyWhen.isEmpty();
  }

  public Duration margin() {
    return Duration.ofHours(marginHours);
  }

  public Duration remindEvery() {
    return Duration.ofHours(remindEveryHours);
  }

  public Duration linkLifetime() {
    return Duration.ofDays(linkDays);
  }

  /** The customer's deadline for a case due at {@code caseDeadline}. */
  public Instant deadline(Instant caseDeadline) {
    return caseDeadline.minus(margin());
  }

  private static void requireWithin(int value, int min, int max, String what) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          what + " must be between " + min + " and " + max + ": " + value);
    }
  }
}
