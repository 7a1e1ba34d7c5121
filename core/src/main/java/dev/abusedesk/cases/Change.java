package dev.abusedesk.cases;

/** The outcome of a person changing a case. */
public sealed interface Change permits Change.Done, Change.NotAllowed, Change.NoSuchCase {

  /** The case changed (or got its note). */
  record Done(Case caseNow, CaseStatus before) implements Change {}

  /** The workflow does not allow the move, e.g. back from resolved to open. */
  record NotAllowed(CaseStatus current, CaseStatus wanted) implements Change {}

  record NoSuchCase(long id) implements Change {}
}
