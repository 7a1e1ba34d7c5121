package dev.abusedesk.config;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable copies that keep the file's order: {@code Set.copyOf} and {@code Map.copyOf} iterate in
 * an order that changes from run to run, which would make summaries and golden files flaky.
 */
final class Ordered {

  private Ordered() {}

  static <T> Set<T> set(Collection<T> values) {
    values.forEach(v -> Objects.requireNonNull(v, "element"));
    return Collections.unmodifiableSet(new LinkedHashSet<>(values));
  }

  static <K, V> Map<K, V> map(Map<K, V> values) {
    values.forEach(
        (k, v) -> {
          Objects.requireNonNull(k, "key");
          Objects.requireNonNull(v, "value");
        });
    return Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
