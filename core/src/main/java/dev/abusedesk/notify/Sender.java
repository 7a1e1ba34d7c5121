package dev.abusedesk.notify;

import dev.abusedesk.config.Receiver;

/** Sends one alert to one configured receiver: its notifier renders, its transport delivers. */
@FunctionalInterface
public interface Sender {
  Delivery send(Receiver receiver, Alert alert, Rendering rendering);
}
