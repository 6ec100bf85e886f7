/**
 * Conversation state as our own JSON documents in MongoDB: the conversation (collection {@code conversations},
 * optimistic concurrency on {@code version}) and its append-only message log (collection {@code messages}).
 */
package dev.cobra.runtime.conversation.state;
