package dev.abusedesk.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the parser may rely on to tell whether a mail is AWS's: the authserv-ids of the operator's
 * own mail servers, whose {@code Authentication-Results} it believes, and where to find DKIM keys
 * to check a signature itself when no trusted server did.
 */
public record MailChecks(List<String> trustedAuthservIds, Optional<DkimKeys> dkimKeys) {

  /** Believes no header and checks nothing itself: every mail is unverified. */
  public static final MailChecks NONE = new MailChecks(List.of(), Optional.empty());

  public MailChecks {
    trustedAuthservIds = List.copyOf(trustedAuthservIds);
    Objects.requireNonNull(dkimKeys, "dkimKeys");
  }
}
