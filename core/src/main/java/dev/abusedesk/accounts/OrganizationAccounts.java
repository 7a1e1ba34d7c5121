package dev.abusedesk.accounts;

import dev.abusedesk.config.Account;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * The account registry as AWS Organizations knows it: every account's name, the customer from one
 * tag, the other tags as labels. Read from the management account (or a delegated administrator).
 */
public final class OrganizationAccounts {

  /** The tag that names the customer unless told otherwise. */
  public static final String DEFAULT_CUSTOMER_TAG = "customer";

  /** What a sync read: the accounts, and the tags left out because the CSV cannot hold them. */
  public record Synced(List<Account> accounts, List<String> skipped) {
    public Synced {
      accounts = List.copyOf(accounts);
      skipped = List.copyOf(skipped);
    }
  }

  private final AwsCredentialsProvider credentials;
  private final Optional<URI> endpoint;
  private final String customerTag;

  /**
   * @param endpoint overrides the Organizations endpoint (tests, private endpoints)
   * @param customerTag the tag whose value is the account's customer
   */
  public OrganizationAccounts(
      AwsCredentialsProvider credentials, Optional<URI> endpoint, String customerTag) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.customerTag = Objects.requireNonNull(customerTag, "customerTag");
  }

  /** Every account of the organization, by ID. */
  public Synced read() {
    try (OrganizationsClient client = client()) {
      List<Account> accounts = new ArrayList<>();
      List<String> skipped = new ArrayList<>();
      String token = null;
      do {
        String page = token;
        ListAccountsResponse answer = client.listAccounts(r -> r.nextToken(page));
        for (software.amazon.awssdk.services.organizations.model.Account a : answer.accounts()) {
          if (a.id() != null && Account.isAccountId(a.id())) {
            accounts.add(account(client, a, skipped));
          }
        }
        token = answer.nextToken();
      } while (token != null && !token.isEmpty());
      accounts.sort(Comparator.comparing(Account::id));
      return new Synced(accounts, skipped);
    }
  }

  private Account account(
      OrganizationsClient client,
      software.amazon.awssdk.services.organizations.model.Account a,
      List<String> skipped) {
    Optional<String> customer = Optional.empty();
    Map<String, String> labels = new LinkedHashMap<>();
    String token = null;
    do {
      String page = token;
      ListTagsForResourceResponse answer =
          client.listTagsForResource(r -> r.resourceId(a.id()).nextToken(page));
      for (Tag tag : answer.tags()) {
        if (tag.key().equals(customerTag)) {
          customer = Optional.of(tag.value()).filter(v -> !v.isBlank());
        } else if (AccountsCsvFile.fitsLabel(tag.key(), tag.value())) {
          labels.put(tag.key(), tag.value());
        } else {
          skipped.add(a.id() + ": tag " + tag.key() + " (a label cannot hold ; = or a line break)");
        }
      }
      token = answer.nextToken();
    } while (token != null && !token.isEmpty());
    Optional<String> name = Optional.ofNullable(a.name()).filter(n -> !n.isBlank());
    return new Account(a.id(), name, customer, labels);
  }

  private OrganizationsClient client() {
    var builder =
        OrganizationsClient.builder()
            .region(Region.AWS_GLOBAL)
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.create());
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
