package dev.abusedesk.config;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the ordered route list, Alertmanager-style: the first route whose match fits a case
 * gets it; with {@code continueMatching} the next fitting routes get it as well.
 *
 * @param receivers receiver names, each of which exists in the configuration
 */
public record Route(Match match, List<String> receivers, boolean continueMatching) {

  public Route {
    Objects.requireNonNull(match, "match");
    receivers = List.copyOf(receivers);
    if (receivers.isEmpty()) {
      throw new IllegalArgumentException("a route needs at least one receiver");
    }
  }

  /** The route implied when the file has receivers but no routes: everything to all of them. */
  public static Route toAll(List<Receiver> receivers) {
    return new Route(Match.any(), receivers.stream().map(Receiver::name).toList(), false);
  }

  /** Whether this route matches every case (it has no {@code match}). */
  public boolean isDefault() {
    return match.isAny();
  }
}
