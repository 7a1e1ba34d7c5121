package dev.abusedesk.respond;

import dev.abusedesk.cases.CustomerAnswer;
import java.util.Objects;

/**
 * What the customer running one of the case's accounts answered on their response page: for the
 * reply to AWS, attributed to them and quoted, never taken as the team's own words.
 */
public record CustomerSaid(String accountId, CustomerAnswer answer) {

  public CustomerSaid {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(answer, "answer");
  }
}
