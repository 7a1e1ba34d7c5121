package dev.abusedesk.app.serve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SNS signing certificates, fetched once per URL and kept (SNS publishes a new certificate under a
 * new URL). Only a URL that passed {@link SnsHosts} is asked for. Whether a certificate is usable
 * is checked on every use: X.509, RSA, meant for signatures, and valid at that moment.
 */
final class SnsCertificates {

  /** Few distinct URLs are in use at once; past this many the cache starts over. */
  private static final int MAX_CACHED = 16;

  /** The certificate for a URL, or why there is none. */
  sealed interface Found {
    record Usable(X509Certificate certificate) implements Found {}

    /** What was fetched cannot vouch for a message: permanent. */
    record Unusable(String reason) implements Found {}

    /** Not fetched this time: temporary. */
    record Unreachable(String reason) implements Found {}
  }

  private final SnsMessages.Fetcher fetcher;
  private final Map<URI, X509Certificate> cache = new ConcurrentHashMap<>();

  SnsCertificates(SnsMessages.Fetcher fetcher) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
  }

  Found find(URI url, Instant now) {
    if (!SnsHosts.accepts(url)) {
      throw new IllegalArgumentException("not an SNS host: " + url.getHost());
    }
    X509Certificate certificate = cache.get(url);
    if (certificate == null) {
      byte[] bytes;
      try {
        bytes = fetcher.get(url);
      } catch (IOException e) {
        return new Found.Unreachable("cannot fetch the signing certificate: " + e.getMessage());
      }
      Found parsed = parse(bytes);
      if (!(parsed instanceof Found.Usable usable)) {
        return parsed;
      }
      certificate = usable.certificate();
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(url, certificate);
    }
    try {
      certificate.checkValidity(Date.from(now));
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      cache.remove(url);
      return new Found.Unusable("the signing certificate is not valid now");
    }
    return new Found.Usable(certificate);
  }

  private static Found parse(byte[] bytes) {
    Certificate certificate;
    try {
      certificate =
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(bytes));
    } catch (CertificateException e) {
      return new Found.Unusable("the signing certificate is not an X.509 certificate");
    }
    if (!(certificate instanceof X509Certificate x509)) {
      return new Found.Unusable("the signing certificate is not an X.509 certificate");
    }
    if (!"RSA".equals(x509.getPublicKey().getAlgorithm())) {
      return new Found.Unusable("the signing certificate has no RSA key");
    }
    boolean[] usage = x509.getKeyUsage();
    if (usage != null && !usage[0]) {
      return new Found.Unusable("the signing certificate is not meant for signatures");
    }
    return new Found.Usable(x509);
  }
}
