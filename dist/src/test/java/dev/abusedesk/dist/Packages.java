package dev.abusedesk.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The packages this build made, in dist/target, and ways to open them. */
final class Packages {

  static final Path TARGET = Path.of("target").toAbsolutePath();
  static final Path ROOT = TARGET.getParent().getParent();
  static final String VERSION = System.getProperty("project.version");

  private Packages() {}

  /**
   * The Debian version of this Maven version, as jdeb writes it: 0.1.0-SNAPSHOT is 0.1.0~SNAPSHOT.
   */
  static String debianVersion() {
    return VERSION.replaceFirst("-SNAPSHOT$", "~SNAPSHOT");
  }

  static Path deb() {
    return TARGET.resolve("abusedesk_" + debianVersion() + "_all.deb");
  }

  static Path tarball() {
    return TARGET.resolve("abusedesk-" + VERSION + ".tar.gz");
  }

  /** The .deb's files unpacked under {@code into}, as dpkg would put them under /. */
  static Path unpackDeb(Path into) {
    Command.run(List.of("dpkg-deb", "-x", deb().toString(), into.toString())).succeeded();
    return into;
  }

  /** The .deb's control files (control, conffiles, postinst, …) in {@code into}. */
  static Path unpackControl(Path into) {
    Command.run(List.of("dpkg-deb", "-e", deb().toString(), into.toString())).succeeded();
    return into;
  }

  /** The tarball unpacked in {@code into}: its one directory. */
  static Path unpackTarball(Path into) {
    Command.run(List.of("tar", "-xzf", tarball().toString(), "-C", into.toString())).succeeded();
    return into.resolve("abusedesk-" + VERSION);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
