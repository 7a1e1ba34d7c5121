package dev.abusedesk.notify;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts of one delivery pass, across lanes. */
final class Tally {
  final AtomicInteger sent = new AtomicInteger();
  final AtomicInteger retried = new AtomicInteger();
  final AtomicInteger failed = new AtomicInteger();

  Deliverer.Result result() {
    return new Deliverer.Result(sent.get(), retried.get(), failed.get());
  }
}
