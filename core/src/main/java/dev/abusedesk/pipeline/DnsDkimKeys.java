package dev.abusedesk.pipeline;

import dev.abusedesk.report.DkimKeys;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * DKIM keys from DNS through the JDK's own DNS provider (the system's resolvers): no extra library,
 * a short timeout, and a failed lookup is "try later", never "no key".
 */
public final class DnsDkimKeys implements DkimKeys {

  @Override
  public Optional<List<String>> txt(String name) {
    Hashtable<String, String> env = new Hashtable<>();
    env.put(DirContext.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
    env.put("com.sun.jndi.dns.timeout.initial", "1500");
    env.put("com.sun.jndi.dns.timeout.retries", "2");
    DirContext dns = null;
    try {
      dns = new InitialDirContext(env);
      Attributes attributes = dns.getAttributes(name, new String[] {"TXT"});
      Attribute txt = attributes.get("TXT");
      List<String> records = new ArrayList<>();
      if (txt != null) {
        NamingEnumeration<?> values = txt.getAll();
        while (values.hasMore() && records.size() < 10) {
          records.add(joined(String.valueOf(values.next())));
        }
      }
      return Optional.of(records);
    } catch (NameNotFoundException e) {
      return Optional.of(List.of());
    } catch (NamingException | RuntimeException e) {
      return Optional.empty();
    } finally {
      if (dns != null) {
        try {
          dns.close();
        } catch (NamingException e) {
          // Nothing held.
        }
      }
    }
  }

  /** A TXT record of several strings comes as {@code "v=DKIM1; k=rsa; " "p=MIIB..."}: one. */
  static String joined(String value) {
    String v = value.strip();
    if (!v.startsWith("\"")) {
      return v;
    }
    StringBuilder out = new StringBuilder();
    boolean inside = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '"') {
        inside = !inside;
      } else if (c == '\\' && inside && i + 1 < v.length()) {
        out.append(v.charAt(++i));
      } else if (inside) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
