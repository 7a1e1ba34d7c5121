package dev.abusedesk.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The data directory is for its owner only: reports name customers' accounts and addresses, the
 * database holds the whole history, and the generated link secret signs acknowledgements.
 * Directories are created 0700 and files 0600 from their first instant (the attribute is given to
 * the create call, not set after it), whatever the umask. What an older version left readable by
 * others is tightened by {@link #tighten}. On a file system without POSIX permissions all of this
 * is skipped quietly: there the directory's own access rules protect it.
 */
public final class PrivateFiles {

  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private static final System.Logger LOG = System.getLogger(PrivateFiles.class.getName());

  private PrivateFiles() {}

  /** Creates {@code dir} and its missing parents, each 0700; existing ones are left as they are. */
  public static void createDirectories(Path dir) throws IOException {
    if (isPosix(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
    } else {
      Files.createDirectories(dir);
    }
  }

  /** Opens a new file (it must not exist) for writing, 0600 from the start. */
  public static FileChannel createNew(Path file) throws IOException {
    return FileChannel.open(
        file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes(file));
  }

  /** Writes {@code bytes} to a new file (it must not exist), 0600 from the start. */
  public static void writeNew(Path file, byte[] bytes) throws IOException {
    write(file, bytes, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
  }

  /** Writes {@code bytes} to a file, replacing what it held; a file it creates is 0600. */
  public static void write(Path file, byte[] bytes) throws IOException {
    write(
        file,
        bytes,
        Set.of(
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE));
  }

  /**
   * Takes the group's and others' permissions away from each path that has any; paths that do not
   * exist are skipped. Directories keep their owner's bits, so do files.
   *
   * @return how many paths were changed
   */
  public static int tighten(Path... paths) {
    int changed = 0;
    for (Path path : paths) {
      if (tightenOne(path)) {
        changed++;
      }
    }
    return changed;
  }

  /**
   * Tightens the data directory and, when it was open to others, everything in it (an earlier
   * version made it all with the umask's modes), logging one line when anything changed. Files in a
   * directory that is already tight are not looked at: nobody else can reach them.
   *
   * @return how many paths were changed
   */
  public static int tightenDataDirectory(Path dataDir) {
    int changed = tightenTree(dataDir);
    if (changed > 0) {
      LOG.log(
          System.Logger.Level.INFO,
          "{0}: {1} files and directories open to group or others (left by an earlier version)"
              + " are now for their owner only",
          dataDir.toAbsolutePath(),
          changed);
    }
    return changed;
  }

  /**
   * Tightens {@code dir} and, when it was loose, every file and directory in it: they were made by
   * a version that did not restrict them. A directory that is already tight is not walked, so that
   * a spool holding thousands of messages costs one look on each start.
   *
   * @return how many paths were changed
   */
  public static int tightenTree(Path dir) {
    if (!tightenOne(dir)) {
      return 0;
    }
    int changed = 1;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (Files.isSymbolicLink(entry)) {
          continue; // not made by us; and it may point anywhere
        }
        changed +=
            Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                ? tightenTree(entry)
                : (tightenOne(entry) ? 1 : 0);
      }
    } catch (IOException e) {
      // What cannot be listed cannot be tightened; the next start tries again.
    }
    return changed;
  }

  private static boolean tightenOne(Path path) {
    if (!isPosix(path)) {
      return false;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
      if (!permissions.removeAll(OTHERS)) {
        return false;
      }
      Files.setPosixFilePermissions(path, permissions);
      return true;
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException | UnsupportedOperationException e) {
      // Not ours to change (another owner) or a file system that only pretends to be POSIX.
      return false;
    }
  }

  private static void write(Path file, byte[] bytes, Set<OpenOption> options) throws IOException {
    try (SeekableByteChannel channel = Files.newByteChannel(file, options, attributes(file))) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
  }

  private static FileAttribute<?>[] attributes(Path file) {
    return isPosix(file)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
        : new FileAttribute<?>[0];
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
