/**
 * One conversation turn: inbound message in, replies out, state persisted. {@link
 * dev.cobra.runtime.conversation.ConversationTurnHandler} serialises turns per conversation and persists them;
 * the engine lives in {@code conversation.engine}, the documents in {@code conversation.state}. A debtor's
 * conversation starts the stage flow chosen by days past due; an anonymous webchat visitor gets the
 * {@code anonymous} flow (built in, replaceable by a published flow of that id), which never mentions a debt.
 */
package dev.cobra.runtime.conversation;
