// Keyboard shortcuts of the agent screen. Alt combinations work while typing, so an agent never has to leave
// the keyboard: Alt+1..9 opens the n-th of my chats, Alt+↓/↑ the next/previous one, Alt+T takes the chat that
// has waited longest, Alt+M goes to the message box, Alt+R to the canned replies, Alt+F to the release form;
// Ctrl+Enter (⌘+Enter on a Mac) sends.

export const SHORTCUTS = [
  { keys: 'Alt+1…9', action: 'openChat' },
  { keys: 'Alt+↓ / Alt+↑', action: 'nextChat' },
  { keys: 'Alt+T', action: 'takeOldest' },
  { keys: 'Alt+M', action: 'focusComposer' },
  { keys: 'Alt+R', action: 'focusCanned' },
  { keys: 'Alt+F', action: 'focusRelease' },
  { keys: 'Ctrl+Enter', action: 'send' },
];

/** The action for a keydown event ({key, code, altKey, ctrlKey, metaKey, shiftKey}), or null. */
export function shortcutFor(event) {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key === 'Enter') return { action: 'send' };
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  // With Alt held, some layouts change event.key (Alt+1 may type "¡"): read the physical key as well.
  const digit = /^Digit([1-9])$/.exec(event.code || '') || /^([1-9])$/.exec(event.key || '');
  if (digit) return { action: 'openChat', index: Number(digit[1]) - 1 };
  if (event.key === 'ArrowDown') return { action: 'nextChat', step: 1 };
  if (event.key === 'ArrowUp') return { action: 'nextChat', step: -1 };
  const letter = /^Key([A-Z])$/.exec(event.code || '');
  const key = letter ? letter[1] : String(event.key || '').toUpperCase();
  if (key === 'T') return { action: 'takeOldest' };
  if (key === 'M') return { action: 'focusComposer' };
  if (key === 'R') return { action: 'focusCanned' };
  if (key === 'F') return { action: 'focusRelease' };
  return null;
}

/** The conversation id to open after moving `step` from `currentId` in `ids` (wrapping around), or null. */
export function neighbour(ids, currentId, step) {
  if (!ids.length) return null;
  const at = ids.indexOf(currentId);
  if (at < 0) return step > 0 ? ids[0] : ids[ids.length - 1];
  return ids[(at + step + ids.length) % ids.length];
}
