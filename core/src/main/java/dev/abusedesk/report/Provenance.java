package dev.abusedesk.report;

import java.util.Locale;
import java.util.Objects;

/**
 * Whether a report is known to be what AWS said, and on what evidence. Anything may open a case or
 * add to one; only a verified report may close a case or silence it.
 *
 * @param trust the verdict
 * @param basis the evidence, in one line an operator can check: {@code dkim=pass
 *     header.d=amazon.com, checked by mx.example.jp}, {@code forwarded by alice@example.jp}, {@code
 *     no signature from an AWS domain}
 */
public record Provenance(Trust trust, String basis) {

  /** The verdicts. */
  public enum Trust {
    /**
     * An AWS domain's DKIM signature verified (by a trusted MTA or by Abuse Desk), or AWS Health.
     */
    VERIFIED,
    /** Nothing says it is forged, nothing proves it is AWS: a forwarded copy, no trusted check. */
    UNVERIFIED,
    /** It claims to come from AWS and a DKIM or DMARC check for an AWS domain failed. */
    FORGED;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Trust fromWire(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  public Provenance {
    Objects.requireNonNull(trust, "trust");
    basis = basis == null ? "" : basis;
  }

  /** An AWS Health event: it came through AWS's own API, EventBridge or a signed SNS message. */
  public static Provenance healthEvent() {
    return new Provenance(Trust.VERIFIED, "AWS Health event");
  }

  public static Provenance unverified(String basis) {
    return new Provenance(Trust.UNVERIFIED, basis);
  }

  public boolean verified() {
    return trust == Trust.VERIFIED;
  }

  public boolean forged() {
    return trust == Trust.FORGED;
  }
}
