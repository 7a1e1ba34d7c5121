package dev.abusedesk.notify;

import dev.abusedesk.config.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What rendering needs besides the alert: language and zone from the configuration, the time of
 * sending, the receiver's configured mentions, and the thread of earlier messages about the case.
 *
 * @param threadRef the tool's reference of the first message about this case on this receiver
 *     (Slack {@code ts}), when there is one: later messages thread under it
 */
public record Rendering(
    Language language,
    ZoneId zone,
    Instant now,
    List<String> mentions,
    Optional<String> threadRef) {
  public Rendering {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(now, "now");
    mentions = List.copyOf(mentions);
    Objects.requireNonNull(threadRef, "threadRef");
  }
}
