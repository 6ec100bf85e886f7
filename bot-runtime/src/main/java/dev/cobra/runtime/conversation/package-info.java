/** One conversation turn: inbound message in, replies out, state persisted. */
package dev.cobra.runtime.conversation;
