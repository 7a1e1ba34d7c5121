package dev.abusedesk.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.abusedesk.testing.Fixtures;
import dev.abusedesk.testing.LogLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool on a real file system: what it creates is for its owner only, whatever the umask (the
 * build runs with the usual 022, which made 0755 directories and 0644 files before).
 */
class PrivateFilesTest {

  @TempDir Path dir;

  @BeforeEach
  void onlyOnPosixFileSystems() {
    assumeThat(dir.getFileSystem().supportedFileAttributeViews()).contains("posix");
  }

  @Test
  void theSpoolItsDirectoriesAndEveryMessageAreForTheOwnerOnly() throws Exception {
    Path data = dir.resolve("data");
    FileSpool spool = FileSpool.open(data, Clock.systemUTC());

    Spooled.Accepted accepted =
        (Spooled.Accepted) spool.put(Fixtures.bytes("email/ec2-abuse-dos.eml"), "test");
    Spooled.Accepted other = (Spooled.Accepted) spool.put(new byte[] {'x'}, "test");
    spool.quarantine(other.entry(), "not a report");

    for (Path directory :
        new Path[] {
          data,
          data.resolve("spool"),
          data.resolve("spool/new"),
          data.resolve("spool/tmp"),
          data.resolve("spool/failed")
        }) {
      assertThat(mode(directory)).as(directory.toString()).isEqualTo("rwx------");
    }
    assertThat(mode(accepted.entry().path())).isEqualTo("rw-------");
    assertThat(mode(data.resolve("spool/failed").resolve(other.entry().id())))
        .isEqualTo("rw-------");
    assertThat(mode(data.resolve("spool/failed").resolve(other.entry().id() + ".reason")))
        .isEqualTo("rw-------");
  }

  @Test
  void anInstallLeftOpenByAnEarlierVersionIsTightenedOnOpenWithOneLogLine() throws Exception {
    Path data = dir.resolve("data");
    Path message = data.resolve("spool/new/20250101T000000.000Z-smtp-0123456789abcdef");
    Files.createDirectories(message.getParent());
    Files.createDirectories(data.resolve("spool/tmp"));
    Files.writeString(message, "Subject: old\r\n\r\n");
    open(data, "rwxr-xr-x");
    open(data.resolve("spool"), "rwxr-xr-x");
    open(data.resolve("spool/new"), "rwxr-x---");
    open(data.resolve("spool/tmp"), "rwx------");
    Files.setPosixFilePermissions(message, PosixFilePermissions.fromString("rw-r--r--"));
    Path database = data.resolve("abusedesk.db");
    Files.writeString(database, "");
    Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));

    try (LogLines log = LogLines.of(PrivateFiles.class)) {
      FileSpool.open(data, Clock.systemUTC());

      assertThat(log.lines())
          .containsExactly(
              data.toAbsolutePath()
                  + ": 5 files and directories open to group or others (left by an earlier"
                  + " version) are now for their owner only");
    }
    assertThat(mode(data)).isEqualTo("rwx------");
    assertThat(mode(data.resolve("spool"))).isEqualTo("rwx------");
    assertThat(mode(data.resolve("spool/new"))).isEqualTo("rwx------");
    assertThat(mode(message)).isEqualTo("rw-------");
    assertThat(mode(database)).isEqualTo("rw-------");

    try (LogLines log = LogLines.of(PrivateFiles.class)) {
      FileSpool.open(data, Clock.systemUTC());

      assertThat(log.lines()).as("nothing left to tighten").isEmpty();
    }
  }

  @Test
  void keepsTheOwnersOwnBits() throws Exception {
    Path readOnly = dir.resolve("read-only");
    Files.writeString(readOnly, "x");
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));

    assertThat(PrivateFiles.tighten(readOnly, dir.resolve("missing"))).isEqualTo(1);
    assertThat(mode(readOnly)).isEqualTo("r--------");
    assertThat(PrivateFiles.tighten(readOnly)).isZero();
  }

  private static void open(Path path, String mode) throws IOException {
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
