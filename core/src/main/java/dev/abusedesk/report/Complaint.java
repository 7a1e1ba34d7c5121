package dev.abusedesk.report;

import java.util.List;
import java.util.Objects;

/**
 * The third party's original complaint that AWS forwards, as far as it can be read.
 *
 * @param format how it is embedded
 * @param excerpt a short, whitespace-normalised excerpt (untrusted text)
 * @param sourceIps IPs the complaint names as the source of the abuse
 * @param reportedDomains domains the complaint reports (ARF Reported-Domain, X-ARF, URLs)
 * @param recipientDomains domains of the complaining recipients: what a spamming server should stop
 *     sending to
 */
public record Complaint(
    ComplaintFormat format,
    String excerpt,
    List<String> sourceIps,
    List<String> reportedDomains,
    List<String> recipientDomains) {

  public static final Complaint NONE =
      new Complaint(ComplaintFormat.NONE, "", List.of(), List.of(), List.of());

  public Complaint {
    Objects.requireNonNull(format, "format");
    excerpt = excerpt == null ? "" : excerpt;
    sourceIps = List.copyOf(sourceIps);
    reportedDomains = List.copyOf(reportedDomains);
    recipientDomains = List.copyOf(recipientDomains);
  }
}
