package dev.abusedesk.spool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The durable spool: every report is written here before anyone is told it was accepted. A message
 * is written to {@code tmp/}, forced to disk, renamed atomically into {@code new/}, and the
 * directory is forced too; only then does {@link #put} return. It stays in {@code new/} until it
 * has been recorded in the store. Its directories are 0700 and its files 0600 ({@link
 * PrivateFiles}).
 */
public final class FileSpool {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern NAME =
      Pattern.compile("\\d{8}T\\d{6}\\.\\d{3}Z-[a-z0-9]{1,16}-[0-9a-f]{16}");
  private static final Duration STALE_TMP = Duration.ofHours(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path newDir;
  private final Path tmpDir;
  private final Clock clock;

  private final Path failedDir;
  private final Path dataDir;

  private FileSpool(Path dataDir, Path root, Clock clock) {
    this.dataDir = dataDir;
    this.newDir = root.resolve("new");
    this.tmpDir = root.resolve("tmp");
    this.failedDir = root.resolve("failed");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Opens the spool under {@code dataDir/spool}, creating it when missing.
   *
   * @throws SpoolException when the directories cannot be created or written
   */
  public static FileSpool open(Path dataDir, Clock clock) {
    Path root = dataDir.resolve("spool");
    try {
      PrivateFiles.createDirectories(root.resolve("new"));
      PrivateFiles.createDirectories(root.resolve("tmp"));
    } catch (IOException e) {
      throw new SpoolException("cannot create the spool under " + root + ": " + reason(e), e);
    }
    PrivateFiles.tightenDataDirectory(dataDir);
    if (!Files.isWritable(root.resolve("tmp")) || !Files.isWritable(root.resolve("new"))) {
      throw new SpoolException("the spool under " + root + " is not writable");
    }
    return new FileSpool(dataDir, root, clock);
  }

  /** The data directory the spool is in; what else a deployment keeps on disk sits beside it. */
  public Path dataDirectory() {
    return dataDir;
  }

  /**
   * Writes a message durably, streaming it from {@code in} to the end.
   *
   * @param intake how the message arrived ({@code pipe}, {@code smtp}, ...): a short lower-case
   *     word
   * @param maxBytes the largest message accepted
   */
  public Spooled put(InputStream in, String intake, long maxBytes) {
    if (!intake.matches("[a-z0-9]{1,16}")) {
      throw new IllegalArgumentException("intake must be a short lower-case word: " + intake);
    }
    Instant now = clock.instant();
    String id = STAMP.format(now) + "-" + intake + "-" + randomHex();
    Path tmp = tmpDir.resolve(id);
    Path target = newDir.resolve(id);
    try {
      boolean tooLarge;
      try (FileChannel channel = PrivateFiles.createNew(tmp)) {
        tooLarge = copy(in, channel, maxBytes) > maxBytes;
        if (!tooLarge) {
          channel.force(true);
        }
      }
      if (tooLarge) {
        deleteQuietly(tmp);
        return new Spooled.TooLarge(maxBytes);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      forceDirectory(newDir);
      return new Spooled.Accepted(new SpoolEntry(id, target, intake, now));
    } catch (AtomicMoveNotSupportedException e) {
      deleteQuietly(tmp);
      return new Spooled.Failed("the spool's tmp/ and new/ must be on one file system");
    } catch (IOException e) {
      deleteQuietly(tmp);
      return new Spooled.Failed("cannot spool the message: " + reason(e));
    } catch (RuntimeException | Error e) {
      deleteQuietly(tmp);
      throw e;
    }
  }

  public Spooled put(byte[] message, String intake) {
    return put(new java.io.ByteArrayInputStream(message), intake, Long.MAX_VALUE);
  }

  private static long copy(InputStream in, FileChannel channel, long maxBytes) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int n;
    OutputStream out = Channels.newOutputStream(channel);
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > maxBytes) {
        return total;
      }
      out.write(buffer, 0, n);
    }
    out.flush();
    return total;
  }

  /** Messages waiting to be recorded, oldest first. Stale partial writes are cleaned up. */
  public List<SpoolEntry> pending() {
    removeStaleTemporaries();
    List<SpoolEntry> entries = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(newDir)) {
      for (Path file : dir) {
        String name = file.getFileName().toString();
        if (NAME.matcher(name).matches()) {
          entries.add(entry(file));
        }
      }
    } catch (IOException e) {
      throw new SpoolException("cannot list the spool: " + reason(e), e);
    }
    entries.sort(java.util.Comparator.comparing(SpoolEntry::id));
    return entries;
  }

  /** The bytes of a spooled message. */
  public byte[] read(SpoolEntry entry) throws IOException {
    return Files.readAllBytes(entry.path());
  }

  /**
   * Sets aside a message that holds no report (not a mail, not an event), with the reason beside
   * it: kept for a person to look at, never deleted.
   */
  public void quarantine(SpoolEntry entry, String reason) {
    try {
      PrivateFiles.createDirectories(failedDir);
      PrivateFiles.write(
          failedDir.resolve(entry.id() + ".reason"),
          (reason + System.lineSeparator()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      Files.move(entry.path(), failedDir.resolve(entry.id()), StandardCopyOption.ATOMIC_MOVE);
      forceDirectory(failedDir);
    } catch (NoSuchFileException e) {
      // Another process set it aside already.
    } catch (IOException e) {
      throw new SpoolException("cannot set aside " + entry.id() + ": " + reason(e), e);
    }
  }

  /** Removes a message once the store holds it. Removing one already gone is fine. */
  public void remove(SpoolEntry entry) {
    deleteQuietly(entry.path());
  }

  private SpoolEntry entry(Path file) {
    String name = file.getFileName().toString();
    String intake = name.split("-", 3)[1];
    Instant at;
    try {
      at =
          java.time.LocalDateTime.parse(name.substring(0, 19), STAMP_PARSE)
              .toInstant(ZoneOffset.UTC);
    } catch (java.time.format.DateTimeParseException e) {
      at = clock.instant();
    }
    return new SpoolEntry(name, file, intake, at);
  }

  private static final DateTimeFormatter STAMP_PARSE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS");

  private void removeStaleTemporaries() {
    Instant cutoff = clock.instant().minus(STALE_TMP);
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(tmpDir)) {
      for (Path file : dir) {
        try {
          FileTime modified = Files.getLastModifiedTime(file);
          if (modified.toInstant().isBefore(cutoff)) {
            Files.deleteIfExists(file);
          }
        } catch (NoSuchFileException e) {
          // Another process finished with it.
        }
      }
    } catch (IOException e) {
      // Leftovers cost disk space only; the next run tries again.
    }
  }

  private static void forceDirectory(Path dir) throws IOException {
    // Makes the rename itself durable. Some file systems refuse to open a directory: nothing to do.
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      if (!isUnsupported(e)) {
        throw e;
      }
    }
  }

  private static boolean isUnsupported(IOException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("Is a directory") || message.contains("Invalid argument");
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A stale temporary is removed by a later pending() call.
    }
  }

  private static String randomHex() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String reason(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
