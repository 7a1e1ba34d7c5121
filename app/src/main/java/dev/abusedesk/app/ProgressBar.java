package dev.abusedesk.app;

import java.io.PrintWriter;

/** A one-line progress bar on standard error, redrawn in place. */
final class ProgressBar {

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String unit;
  private boolean drawn;

  ProgressBar(PrintWriter err, String unit) {
    this.err = err;
    this.unit = unit;
  }

  void show(int done, int total) {
    int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
    int percent = total == 0 ? 100 : (int) ((long) done * 100 / total);
    err.printf(
        "\r[%s%s] %3d%% %d/%d %s",
        "#".repeat(filled), ".".repeat(WIDTH - filled), percent, done, total, unit);
    err.flush();
    drawn = true;
  }

  void done() {
    if (drawn) {
      err.println();
      err.flush();
    }
  }
}
