package dev.abusedesk.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON mapper: bounded against hostile nesting and sizes. */
public final class Json {

  private Json() {}

  public static final int MAX_DEPTH = 64;

  public static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(MAX_DEPTH)
                      .maxStringLength(8 * 1024 * 1024)
                      .maxNumberLength(100)
                      .maxDocumentLength(16L * 1024 * 1024)
                      .build())
              .build());
}
