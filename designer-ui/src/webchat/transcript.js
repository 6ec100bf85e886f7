// The widget's list of shown messages, fed from three sources that overlap:
//  - "local": the debtor's own message (shown at once) and the replies in the POST answer (no `at`);
//  - "push": Server-Sent Events, each a transcript entry with `at`;
//  - "history": GET .../messages after a reload or a reconnect, entries with `at`.
// The same bot reply usually arrives twice (POST answer and push), in either order. Every message is
// shown once: an entry with `at` is a duplicate when one with the same content and `at` is shown, or when
// an unconfirmed local message with the same content is shown (it then becomes confirmed); a local reply
// is a duplicate when a pushed message with the same content arrived since the debtor last sent.

/** Content identity of a message, independent of where it came from. */
export function contentKey(entry) {
  const options = (entry.options || []).map((o) => o.id).join(',');
  return [entry.from || 'bot', entry.type || 'text', (entry.text || '').trim(), options].join('|');
}

export function emptyTranscript() {
  return { items: [], lastSentSeq: 0, seq: 0 };
}

function withItem(state, entry, source, at) {
  const seq = state.seq + 1;
  const item = {
    seq,
    key: contentKey(entry),
    from: entry.from || 'bot',
    type: entry.type || 'text',
    text: entry.text || '',
    options: entry.options || [],
    media: entry.media || null,
    at: at || null,
    source,
    claimedByLocal: false,
  };
  return { ...state, seq, items: [...state.items, item] };
}

/** The debtor's own message, shown before the server answers. */
export function addOwnMessage(state, text) {
  const next = withItem(state, { from: 'debtor', type: 'text', text }, 'local', null);
  return { ...next, lastSentSeq: next.seq };
}

/** Replies from the POST answer (the bot's turn). */
export function addLocalReplies(state, replies) {
  let next = state;
  for (const reply of replies || []) {
    const entry = { ...reply, from: reply.from || 'bot' };
    const key = contentKey(entry);
    const pushed = next.items.find(
      (item) => item.key === key && item.source !== 'local' && !item.claimedByLocal && item.seq > next.lastSentSeq,
    );
    if (pushed) {
      next = { ...next, items: next.items.map((item) => (item === pushed ? { ...item, claimedByLocal: true } : item)) };
    } else {
      next = withItem(next, entry, 'local', null);
    }
  }
  return next;
}

/** Entries carrying `at`: live pushes and transcript reloads. */
export function addServerEntries(state, entries, source = 'push') {
  let next = state;
  for (const entry of entries || []) {
    const key = contentKey(entry);
    if (next.items.some((item) => item.key === key && item.at && entry.at && item.at === entry.at)) {
      continue;
    }
    const unconfirmed = next.items.find((item) => item.key === key && item.source === 'local' && !item.at);
    if (unconfirmed) {
      next = { ...next, items: next.items.map((item) => (item === unconfirmed ? { ...item, at: entry.at || null } : item)) };
      continue;
    }
    next = withItem(next, entry, source, entry.at);
  }
  return next;
}

/** The options of the most recent message may be chosen; older menus are shown disabled. */
export function activeOptionsSeq(state) {
  for (let i = state.items.length - 1; i >= 0; i -= 1) {
    const item = state.items[i];
    if (item.from === 'debtor') {
      return null;
    }
    if (item.type === 'options' && item.options.length > 0) {
      return item.seq;
    }
  }
  return null;
}
