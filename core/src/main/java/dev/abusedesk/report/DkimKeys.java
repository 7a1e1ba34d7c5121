package dev.abusedesk.report;

import java.util.List;
import java.util.Optional;

/**
 * Where DKIM public keys come from: the TXT records of {@code selector._domainkey.domain}, from DNS
 * in the daemon, from a table in tests.
 */
@FunctionalInterface
public interface DkimKeys {

  /**
   * The TXT records at {@code name}: empty when the lookup could not be done now (a timeout, no
   * resolver), an empty list when the name has none.
   */
  Optional<List<String>> txt(String name);
}
