package dev.abusedesk.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * When the AWS mail inside a forwarded copy was sent, and what reading that took.
 *
 * <p>Deadlines err early: a deadline read too late lets AWS's 24 hours run out unseen, one read too
 * early costs a little haste. Two rules follow.
 *
 * <p>A forwarded copy is never dated after the forward itself: whoever forwarded it had it. Any
 * date that lands later (a bogus Date inside an attached message, a clock that ran fast) is capped
 * at the forward's own Date.
 *
 * <p>Gmail and Outlook print the forwarded date without a zone, in the forwarder's local time. The
 * forward's own Date header is the evidence for that zone: usually the forwarder's client wrote it
 * in local time. So the date is read in that offset, as long as this does not land after the
 * forward. When it does, the header was not local time (relays rewrite it to UTC, some clients
 * always send UTC) and the evidence left is that the forward came after the original: of the
 * offsets some zone uses, the date is read in the one that lands closest before the forward. That
 * is the reading that assumes the least, the forwarder's zone being the nearest one that fits and
 * the forward quick, and it is the exact time when the forwarder forwarded within hours. It is the
 * latest valid reading, not the earliest (+14:00 always is): reading every zone-less date at +14:00
 * would move every forwarded deadline up to 26 hours early and make the countdown meaningless.
 * Where no evidence is left at all, a forward without a readable Date, the earliest reading any
 * zone allows is taken. Each reading says what it assumed, for the case page.
 *
 * <p>What this cannot see: a forward sent long after the original with its Date rewritten to UTC
 * reads in UTC, which for a forwarder east of Greenwich is late by their offset.
 */
final class ForwardedDate {

  private ForwardedDate() {}

  /**
   * How far after the forward a reading may land and still count as not after it. The forward's
   * Date comes from the forwarder's computer, the original's from AWS: a computer a minute slow
   * that forwards at once would otherwise make the right reading look impossible and move it a
   * whole zone (30 minutes or more) early. The reading is then capped at the forward's Date.
   */
  static final Duration SKEW = Duration.ofMinutes(2);

  /**
   * An instant and what reading it assumed; no instant when neither date was readable.
   *
   * @param at when the forwarded mail was sent
   * @param assumed each an English sentence, as {@link Report#assumptions} keeps them
   */
  record Reading(Optional<Instant> at, List<String> assumed) {
    Reading {
      assumed = List.copyOf(assumed);
    }

    static Reading of(Instant at, List<Assumption> assumed) {
      return new Reading(Optional.of(at), assumed.stream().map(Assumption::english).toList());
    }
  }

  /**
   * The date of a forwarded header block.
   *
   * @param printed the block's date line as the client printed it, empty when it had none
   * @param forward the forwarding mail's own Date header, when readable
   */
  static Reading inline(String printed, Optional<Dates.Written> forward) {
    Optional<Instant> forwardAt = forward.map(ForwardedDate::instant);
    Optional<Dates.Written> written = Forwards.date(printed);
    if (written.isEmpty()) {
      return forwardAt
          .map(f -> Reading.of(f, List.of(new Assumption.ForwardDate(printed, f))))
          .orElse(new Reading(Optional.empty(), List.of()));
    }
    Dates.Written w = written.get();
    if (w.offset().isPresent()) {
      // Thunderbird copies the original's Date header, zone and all: nothing to assume.
      return capped(w.in(w.offset().get()), forwardAt);
    }
    LocalDateTime local = w.local();
    if (forwardAt.isEmpty()) {
      ZoneOffset earliest = offsetsInUse(local.toInstant(ZoneOffset.UTC)).last();
      return Reading.of(
          local.toInstant(earliest),
          List.of(new Assumption.EarliestOffset(printed, local, earliest)));
    }
    Instant f = forwardAt.get();
    Instant latestAllowed = f.plus(SKEW);
    // A forward Date without a zone reads as UTC, as Dates.parse reads it.
    ZoneOffset own = forward.get().offset().orElse(ZoneOffset.UTC);
    if (!local.toInstant(own).isAfter(latestAllowed)) {
      return capped(local.toInstant(own), f, new Assumption.ForwardOffset(printed, local, own));
    }
    // Readings are later the further west the offset: the smallest offset whose reading is not
    // after the forward gives the reading closest before it.
    Optional<ZoneOffset> closest =
        offsetsInUse(f).stream()
            .filter(o -> !local.toInstant(o).isAfter(latestAllowed))
            .findFirst();
    if (closest.isEmpty()) {
      // After the forward even at +14:00: the printed date is wrong, not merely zone-less.
      return Reading.of(f, List.of(new Assumption.ForwardDate(printed, f)));
    }
    ZoneOffset offset = closest.get();
    return capped(
        local.toInstant(offset),
        f,
        new Assumption.LatestBeforeForward(printed, own, f, local, offset));
  }

  /** {@code at}, or the forward's own Date when {@code at} is later than that. */
  static Reading capped(Instant at, Optional<Instant> forward) {
    if (forward.isPresent() && at.isAfter(forward.get())) {
      return Reading.of(forward.get(), List.of(new Assumption.AfterForward(at, forward.get())));
    }
    return Reading.of(at, List.of());
  }

  private static Reading capped(Instant at, Instant forward, Assumption reading) {
    List<Assumption> assumed = new ArrayList<>(List.of(reading));
    if (at.isAfter(forward)) {
      assumed.add(new Assumption.AfterForward(at, forward));
      return Reading.of(forward, assumed);
    }
    return Reading.of(at, assumed);
  }

  private static Instant instant(Dates.Written w) {
    return w.in(w.offset().orElse(ZoneOffset.UTC));
  }

  /**
   * The offsets some zone of the time-zone database uses at {@code at}, west to east: from -12:00
   * to +14:00 with the half and quarter hours of India, Nepal and the Chathams, and none of the
   * offsets no zone uses (a reading in +09:15 would be later than any real one).
   */
  static TreeSet<ZoneOffset> offsetsInUse(Instant at) {
    TreeSet<ZoneOffset> offsets =
        new TreeSet<>(Comparator.comparingInt(ZoneOffset::getTotalSeconds));
    for (String id : ZoneId.getAvailableZoneIds()) {
      offsets.add(ZoneId.of(id).getRules().getOffset(at));
    }
    return offsets;
  }
}
