/**
 * The designer's draft simulator: runs a flow's draft (not yet published) with the real engine for a sample
 * debtor, in memory only. It never stores a conversation, never writes collection records and never sends a
 * message to anyone.
 */
package dev.cobra.runtime.simulator;
