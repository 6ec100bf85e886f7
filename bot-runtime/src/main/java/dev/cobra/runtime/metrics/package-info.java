/**
 * Operational metrics for {@code /actuator/prometheus} (Micrometer): turn latency and the turns in the lanes
 * (a decorator of {@code TurnHandler}), NLU parses and fallbacks (a decorator of {@code NluService}), database
 * commands in total and per turn (the driver's command listener, counted without timers), and the outbox lag.
 * Nothing outside this package depends on it.
 */
package dev.cobra.runtime.metrics;
