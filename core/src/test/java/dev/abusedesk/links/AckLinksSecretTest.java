package dev.abusedesk.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link secret generated into the data directory is for its owner only, from its creation. */
class AckLinksSecretTest {

  @TempDir Path dir;

  @BeforeEach
  void onlyOnPosixFileSystems() {
    assumeThat(dir.getFileSystem().supportedFileAttributeViews()).contains("posix");
  }

  @Test
  void theGeneratedSecretAndTheDirectoryMadeForItAreForTheOwnerOnly() throws Exception {
    Path data = dir.resolve("data");

    String secret = AckLinks.generatedSecret(data);

    assertThat(AckLinks.generatedSecret(data)).isEqualTo(secret);
    assertThat(mode(data.resolve(AckLinks.SECRET_FILE))).isEqualTo("rw-------");
    assertThat(mode(data)).isEqualTo("rwx------");
  }

  @Test
  void aSecretLeftReadableByOthersIsTightenedAndKept() throws Exception {
    Path file = dir.resolve(AckLinks.SECRET_FILE);
    Files.writeString(file, "a".repeat(40));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThat(AckLinks.generatedSecret(dir)).isEqualTo("a".repeat(40));
    assertThat(mode(file)).isEqualTo("rw-------");
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
