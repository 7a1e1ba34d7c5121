package dev.abusedesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Health event type codes, current and legacy, name the category the mail would name. */
class ClassifierTest {

  @ParameterizedTest
  @CsvSource({
    "AWS_ABUSE_EC2_BOTNET_REPORT, BOTNET",
    "AWS_ABUSE_EC2_CC_FRAUD_REPORT, CC_FRAUD",
    "AWS_ABUSE_EC2_COPYRIGHT_DMCA_REPORT, COPYRIGHT",
    "AWS_ABUSE_EC2_COPYRIGHT_NON_DMCA_REPORT, COPYRIGHT",
    "AWS_ABUSE_EC2_DOS_REPORT, DOS",
    "AWS_ABUSE_EC2_EMAIL_SPAM_REPORT, SPAM",
    "AWS_ABUSE_EC2_FORUM_SPAM_REPORT, SPAM",
    "AWS_ABUSE_EC2_ILLEGAL_CONTENT_REPORT, ILLEGAL_CONTENT",
    "AWS_ABUSE_EC2_INTRUSION_ATTEMPT_REPORT, INTRUSION",
    "AWS_ABUSE_EC2_MALWARE_WEBSITE_REPORT, MALWARE",
    "AWS_ABUSE_EC2_OPEN_PROXY_REPORT, OPEN_PROXY",
    "AWS_ABUSE_EC2_PHISHING_REPORT, PHISHING",
    "AWS_ABUSE_EC2_PII_CONTENT_REMOVAL_REPORT, PII",
    "AWS_ABUSE_EC2_PORT_SCANNING_REPORT, PORT_SCAN",
    "AWS_ABUSE_EC2_SPAM_WEBSITE_REPORT, SPAM",
    "AWS_ABUSE_EC2_TAKEDOWN_REQUEST_REPORT, OTHER",
    "AWS_ABUSE_BOTNET_REPORT, BOTNET",
    "AWS_ABUSE_DOS_REPORT, DOS",
    "AWS_ABUSE_PORT_SCANNING_REPORT, PORT_SCAN",
    "AWS_ABUSE_SOMETHING_NEW_REPORT, OTHER",
    "AWS_RISK_CREDENTIALS_EXPOSED, CREDENTIALS_EXPOSED",
    "AWS_RISK_IAM_QUARANTINE, CREDENTIALS_EXPOSED"
  })
  void namesTheCategoryOfEveryAbuseAndRiskCode(String code, Category expected) {
    assertThat(Classifier.fromEventType(code.startsWith("AWS_RISK") ? "RISK" : "ABUSE", code))
        .contains(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "EC2, AWS_EC2_OPERATIONAL_ISSUE",
    "EC2, AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED",
    "BILLING, AWS_BILLING_NOTIFICATION"
  })
  void namesNoCategoryForOtherHealthEvents(String service, String code) {
    assertThat(Classifier.fromEventType(service, code)).isEmpty();
  }
}
