package dev.abusedesk.health;

import java.net.URI;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * Where the Health API answers. AWS Health runs active-passive in two regions (us-east-1 and
 * us-east-2); the CNAME of {@code global.health.amazonaws.com} names the active one, which is also
 * the region to sign for. Calls go to the active endpoint first and fail over to the other.
 */
public final class HealthEndpoints {

  /** One regional endpoint and the region requests to it are signed for. */
  public record Endpoint(String region, URI uri) {
    public Endpoint {
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(uri, "uri");
    }
  }

  /** Looks up the CNAME of a host name. */
  @FunctionalInterface
  public interface Lookup {
    Optional<String> cname(String host);
  }

  static final String GLOBAL = "global.health.amazonaws.com";
  static final List<String> REGIONS = List.of("us-east-1", "us-east-2");
  private static final Pattern REGIONAL =
      Pattern.compile("health(?:-fips)?\\.([a-z]{2}(?:-[a-z]+)+-\\d{1,2})\\.amazonaws\\.com\\.?");
  private static final System.Logger LOG = System.getLogger(HealthEndpoints.class.getName());

  private final Lookup lookup;
  private final Function<String, URI> uriOf;
  private final List<String> regions;

  private HealthEndpoints(Lookup lookup, Function<String, URI> uriOf, List<String> regions) {
    this.lookup = lookup;
    this.uriOf = uriOf;
    this.regions = List.copyOf(regions);
  }

  /** The public endpoints, the active one found through DNS. */
  public static HealthEndpoints aws() {
    return of(HealthEndpoints::dnsCname, r -> URI.create("https://health." + r + ".amazonaws.com"));
  }

  /** One fixed endpoint (a private endpoint, a test server): no failover. */
  public static HealthEndpoints fixed(URI uri, String region) {
    Objects.requireNonNull(uri, "uri");
    return new HealthEndpoints(host -> Optional.empty(), r -> uri, List.of(region));
  }

  /**
   * The two regions' endpoints as {@code uriOf} names them, the active one found by {@code lookup}.
   */
  public static HealthEndpoints of(Lookup lookup, Function<String, URI> uriOf) {
    return new HealthEndpoints(
        Objects.requireNonNull(lookup, "lookup"), Objects.requireNonNull(uriOf, "uriOf"), REGIONS);
  }

  /** The endpoints to try, the active one first. */
  public List<Endpoint> inOrder() {
    String active =
        regions.size() == 1
            ? regions.get(0)
            : lookup.cname(GLOBAL).flatMap(HealthEndpoints::regionOf).orElse(regions.get(0));
    List<Endpoint> order = new ArrayList<>();
    order.add(new Endpoint(active, uriOf.apply(active)));
    for (String region : regions) {
      if (!region.equals(active)) {
        order.add(new Endpoint(region, uriOf.apply(region)));
      }
    }
    return order;
  }

  /** The region of a regional Health endpoint's host name. */
  static Optional<String> regionOf(String host) {
    Matcher m = REGIONAL.matcher(host.toLowerCase(Locale.ROOT).strip());
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static Optional<String> dnsCname(String host) {
    Hashtable<String, String> env = new Hashtable<>();
    env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
    env.put("java.naming.provider.url", "dns:");
    env.put("com.sun.jndi.dns.timeout.initial", "2000");
    env.put("com.sun.jndi.dns.timeout.retries", "2");
    DirContext dns = null;
    try {
      dns = new InitialDirContext(env);
      Attributes attributes = dns.getAttributes(host, new String[] {"CNAME"});
      Attribute cname = attributes.get("CNAME");
      return cname == null ? Optional.empty() : Optional.of(String.valueOf(cname.get()));
    } catch (NamingException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot look up {0}: {1}", host, e.toString());
      return Optional.empty();
    } finally {
      if (dns != null) {
        try {
          dns.close();
        } catch (NamingException e) {
          // Nothing held open.
        }
      }
    }
  }
}
