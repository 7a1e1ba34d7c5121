package dev.abusedesk.notify;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.abusedesk.config.Language;
import dev.abusedesk.report.Category;
import dev.abusedesk.report.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one mail to a customer's contact says, before it is rendered: only what is about the
 * contact's own account. Kept in the outbox as JSON and rendered at sending time, so that "time
 * left" is right when it goes out. The address is the stored notice's, never a report's.
 *
 * <p>{@code resources}, {@code ips}, {@code regions} and {@code excerpt} came from reports:
 * untrusted, made inert when rendered.
 *
 * @param link the contact's personal link to the response page, when a public URL is configured
 */
public record CustomerMail(
    Type type,
    long noticeId,
    long caseId,
    String to,
    Language language,
    Category category,
    String accountId,
    Optional<String> accountName,
    List<String> regions,
    List<String> resources,
    List<String> ips,
    String excerpt,
    Instant reportedAt,
    Instant deadline,
    Optional<URI> link,
    Instant createdAt) {

  /** The notice, or a reminder of it. */
  public enum Type {
    NOTICE,
    REMINDER;

    private static final String PREFIX = "customer_mail_";

    /**
     * The outbox kind of this mail: {@code customer_mail_notice}, never an alert type's (so never
     * folded into a digest, and never read as an alert).
     */
    public String wire() {
      return PREFIX + name().toLowerCase(Locale.ROOT);
    }

    /** Whether an outbox kind is a customer mail's. */
    public static boolean isCustomerMail(String kind) {
      return kind != null && kind.startsWith(PREFIX);
    }

    static Type fromWire(String kind) {
      if (!isCustomerMail(kind)) {
        throw new IllegalArgumentException("not a customer mail: " + kind);
      }
      return valueOf(kind.substring(PREFIX.length()).toUpperCase(Locale.ROOT));
    }
  }

  public CustomerMail {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(accountName, "accountName");
    regions = List.copyOf(regions);
    resources = List.copyOf(resources);
    ips = List.copyOf(ips);
    excerpt = excerpt == null ? "" : excerpt;
    Objects.requireNonNull(reportedAt, "reportedAt");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The same mail as a reminder, with the notice's current link. */
  public CustomerMail asReminder(Optional<URI> currentLink, Instant at) {
    return new CustomerMail(
        Type.REMINDER,
        noticeId,
        caseId,
        to,
        language,
        category,
        accountId,
        accountName,
        regions,
        resources,
        ips,
        excerpt,
        reportedAt,
        deadline,
        currentLink,
        at);
  }

  /** The payload the outbox keeps. */
  public String json() {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", type.wire());
      g.writeNumberField("notice_id", noticeId);
      g.writeNumberField("case_id", caseId);
      g.writeStringField("to", to);
      g.writeStringField("language", language.name());
      g.writeStringField("category", category.wire());
      g.writeStringField("account_id", accountId);
      g.writeStringField("account_name", accountName.orElse(null));
      AlertJson.strings(g, "regions", regions);
      AlertJson.strings(g, "resources", resources);
      AlertJson.strings(g, "ips", ips);
      g.writeStringField("excerpt", excerpt);
      g.writeStringField("reported_at", reportedAt.toString());
      g.writeStringField("deadline", deadline.toString());
      g.writeStringField("link", link.map(URI::toString).orElse(null));
      g.writeStringField("created_at", createdAt.toString());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A payload {@link #json()} wrote. */
  public static CustomerMail read(String json) {
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a stored customer mail", e);
    }
    String type = n.path("type").asText();
    return new CustomerMail(
        Type.fromWire(type),
        n.path("notice_id").asLong(),
        n.path("case_id").asLong(),
        n.path("to").asText(),
        Language.valueOf(n.path("language").asText()),
        Category.fromWire(n.path("category").asText()),
        n.path("account_id").asText(),
        AlertJson.text(n.path("account_name")),
        AlertJson.strings(n.path("regions")),
        AlertJson.strings(n.path("resources")),
        AlertJson.strings(n.path("ips")),
        n.path("excerpt").asText(""),
        Instant.parse(n.path("reported_at").asText()),
        Instant.parse(n.path("deadline").asText()),
        AlertJson.text(n.path("link")).map(URI::create),
        Instant.parse(n.path("created_at").asText()));
  }

  /** Without the link: a mail in a log line must not be a way to the response page. */
  @Override
  public String toString() {
    return "CustomerMail[" + type + ", notice " + noticeId + ", case " + caseId + "]";
  }
}
