package dev.abusedesk.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a secret given as a string, {@code {env: NAME}} or {@code {file: PATH}}. Problems name the
 * variable or the file, never the value. A secret written wrongly is always a problem; one written
 * rightly that cannot be read (a variable not set) is one only when {@link SecretCheck} says so.
 */
final class SecretReader {

  static final int MAX_FILE_BYTES = 64 * 1024;
  private static final String FORMS = "must be a string, {env: NAME} or {file: PATH}";

  private final Document document;
  private final Map<String, String> env;

  SecretReader(Document document, Map<String, String> env) {
    this.document = document;
    this.env = env;
  }

  Optional<Secret> read(Node node, String path) {
    if (Document.isNull(node)) {
      return Optional.empty();
    }
    if (node instanceof ScalarNode scalar) {
      if (scalar.getValue().isEmpty()) {
        document.problem(path, node, "must not be empty");
        return Optional.empty();
      }
      return Optional.of(Secret.inline(scalar.getValue()));
    }
    Optional<Section> section = Section.of(node, path, document, "env", "file");
    if (section.isEmpty()) {
      return Optional.empty();
    }
    Section form = section.get();
    if (form.has("env") == form.has("file")) {
      document.problem(path, node, FORMS);
      return Optional.empty();
    }
    return form.has("env")
        ? form.string("env").flatMap(name -> fromEnv(name, path, node))
        : form.string("file").flatMap(file -> fromFile(file, path, node));
  }

  private Optional<Secret> fromEnv(String name, String path, Node node) {
    String source = "env " + name;
    String value = env.get(name);
    if (value == null) {
      return unread(path, node, "environment variable " + name + " is not set", source);
    }
    if (value.isEmpty()) {
      return unread(path, node, "environment variable " + name + " is empty", source);
    }
    return Optional.of(Secret.fromEnv(value, name));
  }

  private Optional<Secret> fromFile(String file, String path, Node node) {
    Path resolved = document.baseDir.resolve(file).normalize();
    String source = "file " + resolved;
    if (Files.isDirectory(resolved)) {
      return unread(path, node, "cannot read secret file " + resolved + ": is a directory", source);
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(resolved)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (NoSuchFileException e) {
      return unread(path, node, "cannot read secret file " + resolved + ": no such file", source);
    } catch (AccessDeniedException e) {
      return unread(
          path, node, "cannot read secret file " + resolved + ": permission denied", source);
    } catch (IOException e) {
      return unread(
          path,
          node,
          "cannot read secret file " + resolved + ": " + e.getClass().getSimpleName(),
          source);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      return unread(path, node, "secret file " + resolved + " is larger than 64 KiB", source);
    }
    String value;
    try {
      value =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return unread(path, node, "secret file " + resolved + " is not UTF-8 text", source);
    }
    // Files made with echo or an editor end in a line break that is not part of the secret.
    value = value.replaceFirst("[\\r\\n]+$", "");
    if (value.isEmpty()) {
      return unread(path, node, "secret file " + resolved + " is empty", source);
    }
    return Optional.of(Secret.fromFile(value, resolved.toString()));
  }

  /**
   * A secret that cannot be read: a problem now, or {@link SecretCheck#WHEN_USED} a secret that
   * throws it when revealed.
   */
  private Optional<Secret> unread(String path, Node node, String message, String source) {
    if (document.secrets == SecretCheck.AT_LOAD) {
      document.problem(path, node, message);
      return Optional.empty();
    }
    int line = node == null ? 0 : node.getStartMark().getLine() + 1;
    return Optional.of(Secret.unread(new Problem(path, message, line), source));
  }
}
