package dev.abusedesk.app.serve;

import dev.abusedesk.app.Context;
import dev.abusedesk.config.Intake;
import dev.abusedesk.spool.FileSpool;
import java.time.Instant;

/** Plugs the configured intakes (SMTP/LMTP, IMAP, SNS verification) into the daemon. */
public final class Intakes {

  private Intakes() {}

  public static void attach(Daemon daemon, Context context, Intake intake, String owner) {
    // SMTP/LMTP, IMAP and SNS verification are attached here as they land.
  }

  public static int loadDemo(FileSpool spool, Instant now) {
    return DemoData.load(spool, now);
  }
}
