package dev.abusedesk.app.serve;

import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.spool.Spooled;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

/**
 * One SMTP or LMTP mail transaction: the message streams straight into the spool, and only a
 * message the spool accepted is acknowledged. Refusals are {@link RejectException}s, the library's
 * way of choosing the reply to DATA and BDAT.
 */
final class MailTransaction implements MessageHandler {

  private static final System.Logger LOG = System.getLogger(MailTransaction.class.getName());

  static final String TOO_LARGE = "5.3.4 Message size exceeds fixed limit";
  static final String NOT_STORED = "4.3.0 Cannot store the message now, try again later";

  private final FileSpool spool;
  private final String intake;
  private final long maxBytes;
  private final Runnable onSpooled;

  MailTransaction(FileSpool spool, String intake, long maxBytes, Runnable onSpooled) {
    this.spool = Objects.requireNonNull(spool, "spool");
    this.intake = Objects.requireNonNull(intake, "intake");
    this.maxBytes = maxBytes;
    this.onSpooled = Objects.requireNonNull(onSpooled, "onSpooled");
  }

  @Override
  public void from(String from) {
    // Every sender is taken: the parser decides later what the message is.
  }

  @Override
  public void recipient(String recipient) {
    // Every recipient is taken: this listener only ever receives the abuse mailbox.
  }

  /** Returns the text of the 250 reply once the message is durably spooled. */
  @Override
  public String data(InputStream data) throws RejectException, IOException {
    Spooled outcome = spool.put(data, intake, maxBytes);
    if (outcome instanceof Spooled.Accepted accepted) {
      wake();
      return "2.0.0 Ok: queued as " + accepted.entry().id();
    }
    // Read what the spool left unread, so the rest of the message is not taken for commands.
    drain(data);
    if (outcome instanceof Spooled.TooLarge) {
      throw new RejectException(552, TOO_LARGE);
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "{0} message not accepted: {1}",
        intake,
        ((Spooled.Failed) outcome).reason());
    throw new RejectException(451, NOT_STORED);
  }

  @Override
  public void done() {
    // Nothing held between commands.
  }

  private void wake() {
    try {
      onSpooled.run();
    } catch (RuntimeException e) {
      // The message is safe on disk; whoever missed the wake-up finds it on the next pass.
      LOG.log(System.Logger.Level.WARNING, "the spool listener failed", e);
    }
  }

  static void drain(InputStream data) throws IOException {
    byte[] buffer = new byte[8192];
    while (data.read(buffer) >= 0) {
      // discard
    }
  }
}
