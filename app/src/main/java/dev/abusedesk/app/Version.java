package dev.abusedesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * What {@code --version} prints: the Maven version and the commit the jar was built from, both
 * written by the build into {@code build.properties} beside this class ({@code
 * app/src/build/build-info.sh}); "development" when run from classes the build did not make.
 */
final class Version implements IVersionProvider {

  static final String RESOURCE = "build.properties";

  @Override
  public String[] getVersion() {
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      return new String[] {line(in == null ? null : read(in))};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code abusedesk 0.1.0 (commit 1085d7c2e4ab)}, from the build's properties when there are any.
   */
  static String line(Properties build) {
    if (build == null || build.getProperty("version", "").isBlank()) {
      return "abusedesk development";
    }
    return "abusedesk "
        + build.getProperty("version").strip()
        + " (commit "
        + build.getProperty("commit", "unknown").strip()
        + ")";
  }

  private static Properties read(InputStream in) throws IOException {
    Properties properties = new Properties();
    properties.load(in);
    return properties;
  }
}
