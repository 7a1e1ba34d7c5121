package dev.abusedesk.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.Result;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.james.jdkim.exceptions.TempFailException;

/**
 * Abuse Desk's own DKIM check (Apache James jDKIM), for mail that no trusted server checked: the
 * mail as received must carry a valid signature of an AWS domain to be verified. A mail from an AWS
 * address whose AWS signature does not verify, or that has none (AWS signs its mail, and amazon.com
 * publishes DMARC), is forged.
 */
final class DkimCheck {

  private DkimCheck() {}

  private static final String BY = ", checked by Abuse Desk";

  static Provenance of(byte[] raw, String from, DkimKeys keys) {
    boolean fromAws =
        MailProvenance.address(from)
            .map(a -> MailProvenance.awsDomain(a.substring(a.lastIndexOf('@') + 1)))
            .orElse(false);
    if (!fromAws) {
      return Provenance.unverified("not from an AWS address");
    }
    PublicKeyRecordRetriever retriever =
        (method, selector, domain) -> {
          Optional<List<String>> records = keys.txt(selector + "._domainkey." + domain);
          if (records.isEmpty()) {
            throw new TempFailException("the DNS lookup of " + domain + "'s key failed");
          }
          if (records.get().isEmpty()) {
            throw new PermFailException("no key published for " + selector + "@" + domain);
          }
          return records.get();
        };
    DKIMVerifier verifier = new DKIMVerifier(retriever);
    try {
      verifier.verify(new ByteArrayInputStream(crlf(raw)));
    } catch (FailException | IOException | RuntimeException e) {
      // Every signature failed, or none is there: the results say which.
    }
    List<Result> results = verifier.getResults();
    for (Result r : results) {
      if (r.getResultType() == Result.Type.PASS && aws(r)) {
        return new Provenance(
            Provenance.Trust.VERIFIED, "dkim=pass header.d=" + r.getRecord().getDToken() + BY);
      }
    }
    for (Result r : results) {
      if (r.getResultType() == Result.Type.TEMPERROR && aws(r)) {
        return Provenance.unverified("DKIM key lookup failed, try again later" + BY);
      }
    }
    for (Result r : results) {
      if (aws(r)) {
        return new Provenance(
            Provenance.Trust.FORGED,
            "dkim="
                + r.getResultType().name().toLowerCase(java.util.Locale.ROOT)
                + " header.d="
                + r.getRecord().getDToken()
                + BY);
      }
    }
    return new Provenance(
        Provenance.Trust.FORGED, "dkim=none: no signature of an AWS domain on AWS mail" + BY);
  }

  private static boolean aws(Result r) {
    return r.getRecord() != null
        && r.getRecord().getDToken() != null
        && MailProvenance.awsDomain(r.getRecord().getDToken().toString());
  }

  /** Bare LF line ends (a pipe from the local MTA) as CRLF, as the signature was made over. */
  static byte[] crlf(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + raw.length / 40);
    byte previous = 0;
    for (byte b : raw) {
      if (b == '\n' && previous != '\r') {
        out.write('\r');
      }
      out.write(b);
      previous = b;
    }
    return out.toByteArray();
  }
}
