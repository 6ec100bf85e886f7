// Reading the agents' live stream (GET /api/agent/events, event "queue"): which chats changed since the last
// snapshot, so a screen reloads only the transcript that got new messages.

/** {conversationId: messageSeq} of the chats in a snapshot. */
export function sequences(snapshot) {
  const result = {};
  ((snapshot && snapshot.chats) || []).forEach((c) => {
    result[c.conversationId] = c.messageSeq;
  });
  return result;
}

/**
 * True when the chat's messageSeq, status or owner differs between two snapshots, or it joined or left the
 * chats with agents (handed back to the bot, closed). A chat absent from both did not change.
 */
export function chatChanged(previous, next, conversationId) {
  const before = ((previous && previous.chats) || []).find((c) => c.conversationId === conversationId);
  const after = ((next && next.chats) || []).find((c) => c.conversationId === conversationId);
  if (!before && !after) return false;
  if (!before || !after) return true;
  return before.messageSeq !== after.messageSeq || before.status !== after.status || before.agent !== after.agent;
}

/** The chats an agent owns, from the snapshot. */
export function ownedBy(snapshot, agent) {
  return ((snapshot && snapshot.chats) || []).filter((c) => c.status === 'AGENT' && c.agent === agent);
}
