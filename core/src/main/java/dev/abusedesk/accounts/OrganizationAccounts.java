package dev.abusedesk.accounts;

import dev.abusedesk.config.Account;
import dev.abusedesk.config.Contact;
import dev.abusedesk.config.ContactList;
import dev.abusedesk.config.Language;
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
 * tag, the contacts from another, the other tags as labels. Read from the management account (or a
 * delegated administrator).
 */
public final class OrganizationAccounts {

  /** The tag that names the customer unless told otherwise. */
  public static final String DEFAULT_CUSTOMER_TAG = "customer";

  /** The tag that lists the customer's contacts unless told otherwise. */
  public static final String DEFAULT_CONTACTS_TAG = "abusedesk:contacts";

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
  private final String contactsTag;
  private final Language contactLanguage;

  /**
   * @param endpoint overrides the Organizations endpoint (tests, private endpoints)
   * @param customerTag the tag whose value is the account's customer
   * @param contactsTag the tag whose value lists the account's contacts, as the {@code contacts}
   *     column of {@code accounts_csv} does ({@code ops@acme.example:ja;sec@acme.example})
   * @param contactLanguage the language of a contact the tag names none for
   */
  public OrganizationAccounts(
      AwsCredentialsProvider credentials,
      Optional<URI> endpoint,
      String customerTag,
      String contactsTag,
      Language contactLanguage) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.customerTag = Objects.requireNonNull(customerTag, "customerTag");
    this.contactsTag = Objects.requireNonNull(contactsTag, "contactsTag");
    this.contactLanguage = Objects.requireNonNull(contactLanguage, "contactLanguage");
  }

  /** Contacts from {@link #DEFAULT_CONTACTS_TAG}, in English unless the tag says otherwise. */
  public OrganizationAccounts(
      AwsCredentialsProvider credentials, Optional<URI> endpoint, String customerTag) {
    this(credentials, endpoint, customerTag, DEFAULT_CONTACTS_TAG, Language.EN);
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
    List<Contact> contacts = List.of();
    Map<String, String> labels = new LinkedHashMap<>();
    String token = null;
    do {
      String page = token;
      ListTagsForResourceResponse answer =
          client.listTagsForResource(r -> r.resourceId(a.id()).nextToken(page));
      for (Tag tag : answer.tags()) {
        if (tag.key().equals(customerTag)) {
          customer = Optional.of(tag.value()).filter(v -> !v.isBlank());
        } else if (tag.key().equals(contactsTag)) {
          ContactList.Read read = ContactList.parse(tag.value(), contactLanguage);
          if (read.ok()) {
            contacts = read.contacts();
          } else {
            skipped.add(
                a.id() + ": tag " + tag.key() + " (" + String.join("; ", read.problems()) + ")");
          }
        } else if (AccountsCsvFile.fitsLabel(tag.key(), tag.value())) {
          labels.put(tag.key(), tag.value());
        } else {
          skipped.add(a.id() + ": tag " + tag.key() + " (a label cannot hold ; = or a line break)");
        }
      }
      token = answer.nextToken();
    } while (token != null && !token.isEmpty());
    Optional<String> name = Optional.ofNullable(a.name()).filter(n -> !n.isBlank());
    return new Account(a.id(), name, customer, labels, contacts);
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
