import { useEffect, useState } from 'react';
import { fillVariables, orderReplies, unknownPlaceholders, variablesFor } from './cannedText.js';
import { shortcutFor } from './shortcuts.js';
import { t } from './strings.js';

/** The message box: Ctrl+Enter sends; a canned reply is inserted with its variables filled from the chat. */
export function Composer({ session, conversationId, context, refs, onSent }) {
  const { api, locale, user } = session;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [replies, setReplies] = useState([]);

  useEffect(() => {
    api.get('/api/agent/canned-replies').then((list) => setReplies(orderReplies(list, locale))).catch(() => {});
  }, [api, locale]);

  const send = async () => {
    const body = text.trim();
    if (!body || busy) return;
    setBusy(true);
    setError('');
    try {
      const sent = await api.post(`/api/agent/conversations/${encodeURIComponent(conversationId)}/messages`, { text: body });
      setText('');
      onSent(sent);
      if (sent.windowOpen === false) setError(t(locale, 'windowClosedSent'));
    } catch (e) {
      setError(e.message);
    } finally {
      setBusy(false);
      if (refs.composer.current) refs.composer.current.focus();
    }
  };

  const insert = (id) => {
    const reply = replies.find((r) => r.id === id);
    if (!reply) return;
    const filled = fillVariables(reply.text, variablesFor(context, user.username));
    setText((current) => (current.trim() ? `${current.trimEnd()} ${filled}` : filled));
    if (refs.composer.current) refs.composer.current.focus();
  };

  const leftovers = unknownPlaceholders(text);
  const windowClosed = context.conversation.channel === 'whatsapp' && !context.conversation.windowOpen;

  return (
    <form className="composer" onSubmit={(e) => { e.preventDefault(); send(); }}>
      {windowClosed && <p className="warning" role="status">{t(locale, 'windowClosed')}</p>}
      <label className="canned">
        {t(locale, 'cannedReplies')}
        <select ref={refs.canned} value="" data-testid="canned-select" onChange={(e) => insert(e.target.value)}>
          <option value="">{replies.length ? t(locale, 'cannedPick') : t(locale, 'cannedNone')}</option>
          {replies.map((r) => <option key={r.id} value={r.id}>{r.title}{r.locale ? ` (${r.locale})` : ''}</option>)}
        </select>
      </label>
      <label className="message-box">
        {t(locale, 'message')}
        <textarea ref={refs.composer} value={text} rows={3} data-testid="composer" maxLength={4096}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            const shortcut = shortcutFor(e);
            if (shortcut && shortcut.action === 'send') {
              e.preventDefault();
              send();
            }
          }} />
      </label>
      {leftovers.length > 0 && <p className="warning">{t(locale, 'unknownVariables', { names: leftovers.join(', ') })}</p>}
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" className="primary" disabled={busy || !text.trim()} data-testid="send">
        {t(locale, 'send')} <kbd>Ctrl+Enter</kbd>
      </button>
    </form>
  );
}
