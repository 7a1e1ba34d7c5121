package dev.abusedesk.notify;

import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Fits a whole message under a tool's size limit: renders it with a budget for each text in it,
 * halving the budget until the result fits. Escaping and JSON quoting make the size of the result
 * hard to know in advance; measuring it is simple and exact.
 */
final class Fit {

  private Fit() {}

  /** Below this a text says too little to be worth sending: the last try uses it regardless. */
  static final int MIN_BUDGET = 64;

  /**
   * @param start the budget of each text on the first try
   * @param render renders the message with a given budget for each text
   * @param size measures a rendered message in the unit of {@code max}
   */
  static String within(int max, int start, IntFunction<String> render, ToIntFunction<String> size) {
    int budget = start;
    String rendered = render.apply(budget);
    while (size.applyAsInt(rendered) > max && budget > MIN_BUDGET) {
      budget = Math.max(MIN_BUDGET, budget / 2);
      rendered = render.apply(budget);
    }
    return rendered;
  }

  /** {@link #within} measured in UTF-8 bytes. */
  static String withinBytes(int maxBytes, int start, IntFunction<String> render) {
    return within(maxBytes, start, render, Cut::bytes);
  }
}
