package dev.abusedesk.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The account registry as CSV: a header line naming the columns ({@code
 * id,name,customer,labels,contacts}, {@code id} required, any order), then one account a line.
 * Labels are {@code k=v;k=v}; contacts {@code ops@acme.example:ja;sec@acme.example}, the language
 * optional (the file's by default). Fields may be quoted with {@code "}, a quote inside doubled.
 * Blank lines and lines starting with {@code #} are skipped. Problems name the line of the CSV
 * file.
 */
final class AccountsCsv {

  static final int MAX_BYTES = 16 << 20;
  private static final String PATH = "accounts_csv";
  private static final List<String> COLUMNS =
      List.of("id", "name", "customer", "labels", "contacts");

  private final Document document;
  private final Node anchor;
  private final Path file;
  private final Map<String, String> seen;
  private final Language language;

  /**
   * @param anchor the {@code accounts_csv} value, where the CSV's problems are placed
   * @param seen the IDs met so far and where; the CSV's are added
   * @param language the file's language: a contact's unless it names its own
   */
  AccountsCsv(
      Document document, Node anchor, Path file, Map<String, String> seen, Language language) {
    this.document = document;
    this.anchor = anchor;
    this.file = file;
    this.seen = seen;
    this.language = language;
  }

  List<Account> read() {
    Optional<String> text = text();
    if (text.isEmpty()) {
      return List.of();
    }
    String[] lines = text.get().split("\r?\n", -1);
    List<String> header = List.of();
    List<Account> accounts = new ArrayList<>();
    for (int index = 0; index < lines.length; index++) {
      int line = index + 1;
      String raw = lines[index];
      if (raw.isBlank() || raw.startsWith("#")) {
        continue;
      }
      Optional<List<String>> fields = fields(raw, line);
      if (fields.isEmpty()) {
        continue;
      }
      if (header.isEmpty()) {
        header = header(fields.get(), line);
        if (header.isEmpty()) {
          return List.of();
        }
        continue;
      }
      account(header, fields.get(), line).ifPresent(accounts::add);
    }
    if (header.isEmpty()) {
      problem(
          0,
          "the file is empty; the first line names the columns:"
              + " id,name,customer,labels,contacts");
    }
    return accounts;
  }

  private Optional<String> text() {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      problem(0, "cannot read " + file + ": no such file");
      return Optional.empty();
    } catch (IOException e) {
      problem(0, "cannot read " + file + ": " + e.getClass().getSimpleName());
      return Optional.empty();
    }
    if (bytes.length > MAX_BYTES) {
      problem(0, file + " is larger than 16 MiB");
      return Optional.empty();
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      problem(0, file + " is not UTF-8 text");
      return Optional.empty();
    }
  }

  private List<String> header(List<String> fields, int line) {
    List<String> header = new ArrayList<>();
    boolean ok = true;
    for (String field : fields) {
      String column = field.trim().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(column)) {
        problem(line, "unknown column " + Document.quote(field) + "; columns are " + COLUMNS);
        ok = false;
      } else if (header.contains(column)) {
        problem(line, "column " + column + " twice");
        ok = false;
      }
      header.add(column);
    }
    if (!header.contains("id")) {
      problem(line, "the header needs an id column");
      ok = false;
    }
    return ok ? header : List.of();
  }

  private Optional<Account> account(List<String> header, List<String> fields, int line) {
    if (fields.size() != header.size()) {
      problem(line, "expected " + header.size() + " fields, found " + fields.size());
      return Optional.empty();
    }
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      row.put(header.get(i), fields.get(i).trim());
    }
    String id = row.get("id");
    if (!Account.isAccountId(id)) {
      problem(line, "id must be 12 digits, got " + Document.quote(id));
      return Optional.empty();
    }
    String first = seen.putIfAbsent(id, PATH + " line " + line);
    if (first != null) {
      problem(line, "duplicate account " + Document.quote(id) + " (also " + first + ")");
      return Optional.empty();
    }
    Optional<Map<String, String>> labels = labels(row.getOrDefault("labels", ""), line);
    ContactList.Read contacts = ContactList.parse(row.getOrDefault("contacts", ""), language);
    contacts.problems().forEach(p -> problem(line, "contacts: " + p));
    if (labels.isEmpty() || !contacts.ok()) {
      return Optional.empty();
    }
    return Optional.of(
        new Account(
            id,
            present(row.get("name")),
            present(row.get("customer")),
            labels.get(),
            contacts.contacts()));
  }

  private Optional<Map<String, String>> labels(String text, int line) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return Optional.of(labels);
    }
    boolean ok = true;
    for (String pair : text.split(";", -1)) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? "" : pair.substring(0, equals).trim();
      if (key.isEmpty()) {
        problem(line, "label " + Document.quote(pair) + " is not key=value");
        ok = false;
      } else if (labels.put(key, pair.substring(equals + 1).trim()) != null) {
        problem(line, "label " + Document.quote(key) + " twice");
        ok = false;
      }
    }
    return ok ? Optional.of(labels) : Optional.empty();
  }

  /** The fields of one line: RFC 4180 quoting, within the line. */
  private Optional<List<String>> fields(String line, int number) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        quoted = true;
        field.setLength(0);
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      problem(number, "a quoted field is not closed");
      return Optional.empty();
    }
    fields.add(field.toString());
    return Optional.of(fields);
  }

  private static Optional<String> present(String value) {
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private void problem(int line, String message) {
    document.problems.addAt(anchor, PATH, line == 0 ? message : "line " + line + ": " + message);
  }
}
