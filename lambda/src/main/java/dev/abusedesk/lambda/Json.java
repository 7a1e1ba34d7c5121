package dev.abusedesk.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Event JSON in, answer JSON out: Jackson's tree model, so no event classes are needed. */
final class Json {

  /** Lambda events are at most 6 MB (synchronous) or 1 MB (asynchronous). */
  static final int MAX_EVENT_BYTES = 6 * 1024 * 1024 + 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectMapper mapper() {
    return MAPPER;
  }

  static JsonNode read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_EVENT_BYTES + 1);
    if (bytes.length > MAX_EVENT_BYTES) {
      throw new IllegalArgumentException("an event larger than Lambda allows");
    }
    return read(bytes);
  }

  static JsonNode read(byte[] bytes) {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("an empty event");
      }
      return node;
    } catch (IOException e) {
      throw new IllegalArgumentException("an event that is not JSON: " + e.getMessage(), e);
    }
  }

  static byte[] write(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  static void answer(OutputStream out, JsonNode node) {
    try {
      out.write(write(node));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
