package dev.abusedesk.app;

import dev.abusedesk.config.PasswordHash;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code abusedesk hash-password}: a {@code password_hash} for {@code dashboard.users}. */
@Command(
    name = "hash-password",
    mixinStandardHelpOptions = true,
    description = {
      "Read a password from standard input (the first line) and print its hash for"
          + " dashboard.users[].password_hash. On a terminal the password is not echoed."
    })
final class HashPasswordCommand implements Callable<Integer> {

  static final int MAX_BYTES = 1024;

  @ParentCommand AbuseDeskCommand root;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    char[] password;
    Console console = System.console();
    if (console != null && root.in() == System.in) {
      char[] typed = console.readPassword("Password: ");
      password = typed == null ? new char[0] : typed;
    } else {
      byte[] line = firstLine(root.in());
      if (line.length > MAX_BYTES) {
        Arrays.fill(line, (byte) 0);
        err.println("abusedesk hash-password: the password is longer than " + MAX_BYTES + " bytes");
        err.flush();
        return 1;
      }
      password = utf8(line);
    }
    try {
      if (password.length == 0) {
        err.println("abusedesk hash-password: no password on standard input");
        err.flush();
        return 1;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(PasswordHash.hash(password));
      out.flush();
      return 0;
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** The first line of {@code in} without its line break; longer than the limit when too long. */
  private static byte[] firstLine(InputStream in) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      int b;
      while (bytes.size() <= MAX_BYTES && (b = in.read()) != -1 && b != '\n') {
        bytes.write(b);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] line = bytes.toByteArray();
    return line.length > 0 && line[line.length - 1] == '\r'
        ? Arrays.copyOf(line, line.length - 1)
        : line;
  }

  private static char[] utf8(byte[] bytes) {
    CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
    char[] password = Arrays.copyOf(chars.array(), chars.limit());
    Arrays.fill(chars.array(), '\0');
    Arrays.fill(bytes, (byte) 0);
    return password;
  }
}
