package dev.abusedesk.app.serve;

import dev.abusedesk.cases.Outbox;
import dev.abusedesk.spool.FileSpool;
import dev.abusedesk.spool.Spooled;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPInputStream;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * One poll of one open IMAP folder: settle what a previous pass spooled but did not settle, then
 * take every message after the cursor (or, without a usable cursor, every unseen one), oldest
 * first: spool it, move the cursor, settle it (mark it seen or move it), move the cursor again.
 */
final class ImapPass {

  private static final System.Logger LOG = System.getLogger(ImapPass.class.getName());

  private final FileSpool spool;
  private final Outbox outbox;
  private final Clock clock;
  private final String cursorName;
  private final Optional<String> moveTo;
  private final long maxBytes;
  private final Runnable onSpooled;
  private final BooleanSupplier mayGoOn;

  int fetched;
  int spooled;
  int errors;
  Optional<String> problem = Optional.empty();

  private Folder target;

  /**
   * @param mayGoOn asked before each message: false once stopping or once the lease is lost
   */
  ImapPass(
      FileSpool spool,
      Outbox outbox,
      Clock clock,
      String cursorName,
      Optional<String> moveTo,
      long maxBytes,
      Runnable onSpooled,
      BooleanSupplier mayGoOn) {
    this.spool = Objects.requireNonNull(spool, "spool");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cursorName = Objects.requireNonNull(cursorName, "cursorName");
    this.moveTo = Objects.requireNonNull(moveTo, "moveTo");
    this.maxBytes = maxBytes;
    this.onSpooled = Objects.requireNonNull(onSpooled, "onSpooled");
    this.mayGoOn = Objects.requireNonNull(mayGoOn, "mayGoOn");
  }

  void run(IMAPStore store, String folderName) throws MessagingException {
    IMAPFolder folder = (IMAPFolder) store.getFolder(folderName);
    folder.open(Folder.READ_WRITE);
    try {
      run(store, folder);
    } finally {
      try {
        folder.close(false);
      } catch (MessagingException e) {
        // Closing a folder of a dead connection: nothing is lost, the cursor is on disk.
      }
    }
  }

  private void run(IMAPStore store, IMAPFolder folder) throws MessagingException {
    long uidValidity = folder.getUIDValidity();
    long uidNext = folder.getUIDNext();
    Optional<ImapCursor> stored = outbox.cursor(cursorName).flatMap(ImapCursor::parse);
    Optional<ImapCursor> cursor = stored.filter(c -> c.uidValidity() == uidValidity);
    if (stored.isPresent() && cursor.isEmpty()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "{0}: UIDVALIDITY changed from {1} to {2}; taking unseen messages only",
          cursorName,
          Long.toString(stored.get().uidValidity()),
          Long.toString(uidValidity));
    }
    if (cursor.isPresent() && !cursor.get().settled()) {
      Message left = folder.getMessageByUID(cursor.get().uid());
      if (left != null && !left.isExpunged()) {
        settle(store, folder, left);
      }
      keep(new ImapCursor(uidValidity, cursor.get().uid(), true));
    }
    List<Message> messages = candidates(folder, cursor);
    long last = cursor.map(ImapCursor::uid).orElse(0L);
    for (Message message : messages) {
      if (!mayGoOn.getAsBoolean()) {
        return;
      }
      long uid = folder.getUID(message);
      fetched++;
      if (!take(store, folder, message, uidValidity, uid)) {
        return;
      }
      last = uid;
    }
    if (cursor.isEmpty()) {
      // A fresh start takes unseen messages only: the seen ones before it stay behind for good,
      // and from now on every new UID is taken, seen or not.
      keep(new ImapCursor(uidValidity, Math.max(last, uidNext - 1), true));
    }
  }

  /** False when the pass must stop here (the message could not be spooled). */
  private boolean take(
      IMAPStore store, IMAPFolder folder, Message message, long uidValidity, long uid)
      throws MessagingException {
    if (message.getSize() > maxBytes) {
      errors++;
      LOG.log(
          System.Logger.Level.WARNING,
          "{0}: UID {1} is larger than {2} bytes; left in the mailbox, not taken",
          cursorName,
          Long.toString(uid),
          Long.toString(maxBytes));
      keep(new ImapCursor(uidValidity, uid, true));
      return true;
    }
    Spooled outcome =
        spool.put(new IMAPInputStream((IMAPMessage) message, null, -1, true), "imap", maxBytes);
    if (outcome instanceof Spooled.Failed failed) {
      problem = Optional.of("cannot spool UID " + uid + ": " + failed.reason());
      return false;
    }
    if (outcome instanceof Spooled.TooLarge) {
      errors++;
      keep(new ImapCursor(uidValidity, uid, true));
      return true;
    }
    keep(new ImapCursor(uidValidity, uid, false));
    spooled++;
    wake();
    settle(store, folder, message);
    keep(new ImapCursor(uidValidity, uid, true));
    return true;
  }

  private List<Message> candidates(IMAPFolder folder, Optional<ImapCursor> cursor)
      throws MessagingException {
    Message[] found =
        cursor.isPresent()
            ? folder.getMessagesByUID(cursor.get().uid() + 1, UIDFolder.MAXUID)
            : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
    FetchProfile profile = new FetchProfile();
    profile.add(UIDFolder.FetchProfileItem.UID);
    profile.add(FetchProfile.Item.SIZE);
    folder.fetch(found, profile);
    List<Message> messages = new ArrayList<>();
    long after = cursor.map(ImapCursor::uid).orElse(0L);
    for (Message message : Arrays.asList(found)) {
      // "UID n:*" always answers with the last message, even when its UID is below n.
      if (message != null && !message.isExpunged() && folder.getUID(message) > after) {
        messages.add(message);
      }
    }
    messages.sort(Comparator.comparingLong(m -> uidOf(folder, m)));
    return messages;
  }

  /** Marks the message seen, or moves it: with MOVE when offered, else copy, delete, expunge. */
  private void settle(IMAPStore store, IMAPFolder folder, Message message)
      throws MessagingException {
    if (moveTo.isEmpty()) {
      message.setFlag(Flags.Flag.SEEN, true);
      return;
    }
    if (target == null) {
      target = store.getFolder(moveTo.get());
      if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
        throw new MessagingException("cannot create the folder " + moveTo.get());
      }
    }
    Message[] one = {message};
    if (store.hasCapability("MOVE")) {
      folder.moveMessages(one, target);
      return;
    }
    folder.copyMessages(one, target);
    message.setFlag(Flags.Flag.DELETED, true);
    if (store.hasCapability("UIDPLUS")) {
      folder.expunge(one);
    } else {
      folder.expunge();
    }
  }

  private void keep(ImapCursor cursor) {
    outbox.keepCursor(cursorName, cursor.text(), clock.instant());
  }

  private void wake() {
    try {
      onSpooled.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "the spool listener failed", e);
    }
  }

  private static long uidOf(IMAPFolder folder, Message message) {
    try {
      return folder.getUID(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("UIDs were fetched before", e);
    }
  }
}
