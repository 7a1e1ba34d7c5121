package dev.abusedesk.cases;

/**
 * The notes Abuse Desk itself writes into a case's history, in English as the CLI and the JSON show
 * them; the dashboard recognises them and shows its own words in the reader's language.
 */
public final class SystemNotes {

  private SystemNotes() {}

  /** The actor of what AWS's reports did to a case. */
  public static final String AWS = "aws";

  public static final String AWS_CLOSED = "AWS closed the case";

  /** Starts the note on a closing mail that could not be shown to be AWS's. */
  public static final String UNVERIFIED_CLOSE = "AWS says closed, not verified";

  public static final String CONFIRMED_CLOSE = "confirmed that AWS's closing mail is genuine";

  /** Starts the note on the team's own reply to AWS, which the subject follows. */
  public static final String REPLIED_BY_MAIL = "reply to AWS by mail: ";

  public static final String REPLY_SENT = "reply sent to AWS from the dashboard";

  public static final String ACKNOWLEDGED_BY_LINK = "acknowledged by link";

  public static final String ACKNOWLEDGED_IN_SLACK = "acknowledged in Slack";
}
