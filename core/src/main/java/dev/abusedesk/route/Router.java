package dev.abusedesk.route;

import dev.abusedesk.config.Match;
import dev.abusedesk.config.Route;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which receivers get a message, Alertmanager-style: routes are tried in order; the first
 * that matches takes the message, and only a route with {@code continue} lets the next matching
 * routes take it too. Pure: no I/O.
 */
public final class Router {

  private final List<Route> routes;
  private final AccountRegistry registry;

  public Router(List<Route> routes, AccountRegistry registry) {
    this.routes = List.copyOf(routes);
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** The receiver names for a subject, in route order, each once. */
  public List<String> receiversFor(Subject subject) {
    Set<String> receivers = new LinkedHashSet<>();
    for (Route route : routes) {
      if (matches(route.match(), subject)) {
        receivers.addAll(route.receivers());
        if (!route.continueMatching()) {
          break;
        }
      }
    }
    return List.copyOf(receivers);
  }

  private boolean matches(Match match, Subject subject) {
    return Matching.matches(match, subject, registry);
  }
}
