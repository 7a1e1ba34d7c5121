package dev.abusedesk.app;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One run of the command line with captured output. */
record Run(int exitCode, String out, String err) {

  static Run of(Map<String, String> env, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        Main.run(
            env,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  static Run of(String... args) {
    return of(Map.of(), "", args);
  }
}
