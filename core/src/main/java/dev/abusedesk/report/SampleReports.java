package dev.abusedesk.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Real-shaped AWS abuse reports bundled with the program: the demo data of {@code serve --demo} and
 * the training run that builds the class-data-sharing archive.
 */
public final class SampleReports {

  private SampleReports() {}

  private static final String DIR = "/dev/abusedesk/samples/";

  /** The bundled sample names, in a stable order. */
  public static List<String> names() {
    try (InputStream in = open("index.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] bytes(String name) {
    try (InputStream in = open(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = SampleReports.class.getResourceAsStream(DIR + name);
    if (in == null) {
      throw new IOException("sample report missing from the jar: " + name);
    }
    return in;
  }
}
