package dev.abusedesk.desk;

import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.cases.Change;
import dev.abusedesk.pipeline.Pipeline;
import java.time.Clock;
import java.util.Objects;

/**
 * A person's change to a case, from the dashboard, an acknowledgement link or Slack: recorded, then
 * told to the case's receivers (the thread in chat), then delivery woken.
 */
final class Actions {

  private final Pipeline pipeline;
  private final Clock clock;
  private final Runnable queued;

  Actions(Pipeline pipeline, Clock clock, Runnable queued) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.queued = Objects.requireNonNull(queued, "queued");
  }

  Change move(long caseId, CaseStatus to, String actor, String note) {
    return told(pipeline.store().move(caseId, to, actor, note, clock.instant()), actor, note);
  }

  /**
   * A person confirms that the closing mail the desk could not verify is AWS's, when the case has
   * one to confirm (the page's banner, the chat's button); NotAllowed when it has none.
   */
  Change confirmOfferedClose(long caseId, String actor) {
    java.util.Optional<dev.abusedesk.cases.Case> c = pipeline.store().find(caseId);
    if (c.isEmpty()) {
      return new Change.NoSuchCase(caseId);
    }
    if (TrustMarks.unconfirmedClose(c.get(), pipeline.store().reports(caseId)).isEmpty()) {
      return new Change.NotAllowed(c.get().status(), CaseStatus.CLOSED_BY_AWS);
    }
    return confirmAwsClosed(caseId, actor);
  }

  /** A person confirms that a closing mail the desk could not verify is AWS's. */
  Change confirmAwsClosed(long caseId, String actor) {
    return told(
        pipeline.store().confirmAwsClosed(caseId, actor, clock.instant()),
        actor,
        dev.abusedesk.cases.SystemNotes.CONFIRMED_CLOSE);
  }

  private Change told(Change change, String actor, String note) {
    if (change instanceof Change.Done done
        && pipeline.dispatcher().queueStatusChange(done.caseNow(), done.before(), actor, note)
            > 0) {
      queued.run();
    }
    return change;
  }

  Change note(long caseId, String actor, String note) {
    return pipeline.store().note(caseId, actor, note, clock.instant());
  }

  /** Wakes delivery after something else queued a message, such as a customer notice's mail. */
  void queued() {
    queued.run();
  }

  /** People's names as the history keeps them: one line, bounded. */
  static String actor(String name) {
    String line = name == null ? "" : name.replaceAll("\\p{Cntrl}+", " ").strip();
    return line.length() > 100 ? line.substring(0, 100) : line;
  }
}
