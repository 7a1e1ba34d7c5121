package dev.abusedesk.spool;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One durably spooled message.
 *
 * @param id unique and stable: the file name, used as the idempotency key when recording
 * @param path where the raw bytes are
 * @param intake how it arrived: {@code pipe}, {@code smtp}, {@code http}, {@code imap}, ...
 * @param spooledAt when it was accepted
 */
public record SpoolEntry(String id, Path path, String intake, Instant spooledAt) {
  public SpoolEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(intake, "intake");
    Objects.requireNonNull(spooledAt, "spooledAt");
  }
}
