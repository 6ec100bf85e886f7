/**
 * The load harness (issue 8): drives signed WhatsApp webhooks into a running runtime process and a bare
 * baseline server, and reports throughput, latency, CPU and heap as JSON. Run it with
 * {@code scripts/load-harness.sh}; docs/benchmarks.md has the recorded figures.
 */
package dev.cobra.runtime.load;
