package dev.abusedesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.james.jdkim.DKIMSigner;
import org.junit.jupiter.api.Test;

/**
 * Whether a mail is AWS's: the operator's trusted servers' Authentication-Results, or Abuse Desk's
 * own DKIM check of real signed messages with keys from a test table (no network). Anything else an
 * attacker writes into a mail (their own Authentication-Results, a From of amazon.com) proves
 * nothing.
 */
class ProvenanceTest {

  private static final Instant NOW = Instant.parse("2025-10-14T04:00:00Z");
  private static final String TRUSTED = "mx.example-msp.jp";

  private static final String NOTICE =
      new String(Fixtures.bytes("email/ec2-abuse-dos.eml"), StandardCharsets.UTF_8);

  /** The notice with its Authentication-Results replaced by {@code results} (none when empty). */
  private static String notice(String... results) {
    String withoutResults =
        NOTICE
            .replaceFirst("(?s)Authentication-Results:.*?\\n(?=\\S)", "")
            .replaceFirst("(?m)^Return-Path: .*\\n", "");
    StringBuilder headers = new StringBuilder();
    for (String r : results) {
      headers.append("Authentication-Results: ").append(r).append('\n');
    }
    return headers + withoutResults;
  }

  private static Provenance trusting(String mail) {
    ReportParser parser =
        new ReportParser(Duration.ofHours(24), new MailChecks(List.of(TRUSTED), Optional.empty()));
    return ((Parsed.Read) parser.parse(mail.getBytes(StandardCharsets.UTF_8), NOW))
        .reports()
        .get(0)
        .provenance();
  }

  @Test
  void aTrustedServersDkimPassForAmazonComIsVerified() {
    Provenance p = trusting(notice(TRUSTED + "; dkim=pass header.d=amazon.com header.s=s1"));

    assertThat(p.trust()).isEqualTo(Provenance.Trust.VERIFIED);
    assertThat(p.basis()).isEqualTo("dkim=pass header.d=amazon.com, checked by " + TRUSTED);
  }

  @Test
  void anAuthenticationResultsHeaderTheSenderWroteProvesNothing() {
    // The attacker's own header on top, claiming a pass; the trusted server saw a failure below.
    Provenance injected =
        trusting(
            notice(
                "mx.example-msp.jp.attacker.example; dkim=pass header.d=amazon.com",
                TRUSTED + "; dkim=fail (signature did not verify) header.d=amazon.com"));
    Provenance alone = trusting(notice("mail.attacker.example; dkim=pass header.d=amazon.com"));

    assertThat(injected.trust()).isEqualTo(Provenance.Trust.FORGED);
    assertThat(alone.trust()).isEqualTo(Provenance.Trust.UNVERIFIED);
    assertThat(alone.basis()).isEqualTo("no Authentication-Results from " + TRUSTED);
  }

  @Test
  void aFailNoSignatureOrDmarcFailForAnAwsAddressIsForged() {
    assertThat(trusting(notice(TRUSTED + "; dkim=fail header.d=amazon.com")).trust())
        .isEqualTo(Provenance.Trust.FORGED);
    assertThat(trusting(notice(TRUSTED + "; dkim=none; spf=pass")).basis())
        .isEqualTo("dkim=none, checked by " + TRUSTED);
    assertThat(
            trusting(
                notice(
                    TRUSTED
                        + "; dkim=pass header.d=example.net; dmarc=fail header.from=amazon.com")))
        .isEqualTo(
            new Provenance(
                Provenance.Trust.FORGED,
                "dmarc=fail header.from=amazon.com, checked by " + TRUSTED));
  }

  @Test
  void aServerThatCheckedNoDkimLeavesTheMailUnverified() {
    Provenance p = trusting(notice(TRUSTED + "; spf=pass smtp.mailfrom=amazon.com"));

    assertThat(p.trust()).isEqualTo(Provenance.Trust.UNVERIFIED);
    assertThat(p.basis()).contains("did not check DKIM");
  }

  @Test
  void aForwardedCopyIsUnverifiedAndSaysWhoForwardedIt() {
    Provenance p =
        ((Parsed.Read)
                Fixtures.parser().parse(Fixtures.bytes("email/forwarded-as-attachment.eml"), NOW))
            .reports()
            .get(0)
            .provenance();

    assertThat(p.trust()).isEqualTo(Provenance.Trust.UNVERIFIED);
    assertThat(p.basis()).startsWith("forwarded copy (forwarded by suzuki@example-msp.jp)");
  }

  // Abuse Desk's own DKIM check, when no trusted server checked the mail.

  private static final KeyPair AWS_KEY = key();
  private static final KeyPair OTHER_KEY = key();

  private static KeyPair key() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** DNS as a table: the AWS selector's key; a lookup of anything else finds nothing. */
  private static final DkimKeys DNS =
      name ->
          Optional.of(
              Map.of(
                      "s1._domainkey.amazon.com",
                      List.of(
                          "v=DKIM1; k=rsa; p="
                              + Base64.getEncoder()
                                  .encodeToString(AWS_KEY.getPublic().getEncoded())))
                  .getOrDefault(name, List.of()));

  /** {@code mail} signed by {@code domain}'s selector s1 with {@code key}, CRLF as sent. */
  private static String signed(String mail, String domain, KeyPair key) throws Exception {
    String crlf = mail.replace("\r\n", "\n").replace("\n", "\r\n");
    DKIMSigner signer =
        new DKIMSigner(
            "v=1; a=rsa-sha256; c=relaxed/relaxed; d="
                + domain
                + "; s=s1; h=from:to:subject:date:message-id; bh=; b=;",
            key.getPrivate());
    String signature =
        signer.sign(new java.io.ByteArrayInputStream(crlf.getBytes(StandardCharsets.UTF_8)));
    return signature + "\r\n" + crlf;
  }

  private static Provenance checkedByAbuseDesk(String mail, DkimKeys keys) {
    ReportParser parser =
        new ReportParser(Duration.ofHours(24), new MailChecks(List.of(), Optional.of(keys)));
    return ((Parsed.Read) parser.parse(mail.getBytes(StandardCharsets.UTF_8), NOW))
        .reports()
        .get(0)
        .provenance();
  }

  @Test
  void aValidAmazonSignatureIsVerifiedByAbuseDeskItself() throws Exception {
    Provenance p = checkedByAbuseDesk(signed(notice(), "amazon.com", AWS_KEY), DNS);

    assertThat(p)
        .isEqualTo(
            new Provenance(
                Provenance.Trust.VERIFIED, "dkim=pass header.d=amazon.com, checked by Abuse Desk"));
  }

  @Test
  void aPipedCopyWithBareLineFeedsStillVerifies() throws Exception {
    String lf = signed(notice(), "amazon.com", AWS_KEY).replace("\r\n", "\n");

    assertThat(checkedByAbuseDesk(lf, DNS).verified()).isTrue();
  }

  @Test
  void aChangedBodyAWrongKeyOrNoSignatureIsForged() throws Exception {
    String tampered =
        signed(notice(), "amazon.com", AWS_KEY).replace("Denial of Service", "Denial-of-Service");
    String wrongKey = signed(notice(), "amazon.com", OTHER_KEY);
    String otherDomain = signed(notice(), "attacker.example", OTHER_KEY);

    assertThat(checkedByAbuseDesk(tampered, DNS).trust()).isEqualTo(Provenance.Trust.FORGED);
    assertThat(checkedByAbuseDesk(wrongKey, DNS).trust()).isEqualTo(Provenance.Trust.FORGED);
    assertThat(checkedByAbuseDesk(otherDomain, DNS).basis())
        .startsWith("dkim=none: no signature of an AWS domain");
    assertThat(checkedByAbuseDesk(notice(), DNS).trust()).isEqualTo(Provenance.Trust.FORGED);
  }

  @Test
  void aKeyLookupThatFailsLeavesTheMailUnverifiedNotForged() throws Exception {
    Provenance p =
        checkedByAbuseDesk(signed(notice(), "amazon.com", AWS_KEY), name -> Optional.empty());

    assertThat(p.trust()).isEqualTo(Provenance.Trust.UNVERIFIED);
    assertThat(p.basis()).startsWith("DKIM key lookup failed");
  }

  @Test
  void aTrustedServersCheckWinsOverAbuseDesksOwn() throws Exception {
    String mail =
        signed(notice(TRUSTED + "; dkim=pass header.d=amazon.com"), "amazon.com", OTHER_KEY);
    ReportParser parser =
        new ReportParser(Duration.ofHours(24), new MailChecks(List.of(TRUSTED), Optional.of(DNS)));

    Provenance p =
        ((Parsed.Read) parser.parse(mail.getBytes(StandardCharsets.UTF_8), NOW))
            .reports()
            .get(0)
            .provenance();

    assertThat(p.basis()).endsWith("checked by " + TRUSTED);
  }
}
