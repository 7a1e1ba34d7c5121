package dev.abusedesk.links;

import dev.abusedesk.notify.Alerts;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The links an alert carries into the dashboard at {@code public_url}: the case page, and the
 * signed acknowledgement link when there is a secret to sign it with.
 */
public final class DashboardLinks implements Alerts.Links {

  private final String base;
  private final Optional<AckLinks> ack;

  private DashboardLinks(URI publicUrl, Optional<AckLinks> ack) {
    this.base = publicUrl.toString().replaceAll("/+$", "");
    this.ack = Objects.requireNonNull(ack, "ack");
  }

  /** Links into the dashboard at {@code publicUrl}, signing acknowledgements with {@code ack}. */
  public static Alerts.Links at(URI publicUrl, Optional<AckLinks> ack) {
    return new DashboardLinks(Objects.requireNonNull(publicUrl, "publicUrl"), ack);
  }

  @Override
  public Optional<URI> caseLink(long caseId) {
    return Optional.of(URI.create(base + "/dashboard/cases/" + caseId));
  }

  @Override
  public Optional<URI> ackLink(long caseId) {
    return ack.flatMap(links -> links.link(caseId));
  }
}
