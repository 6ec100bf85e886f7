import { useEffect, useRef, useState } from 'react';
import { ChatView } from './ChatView.jsx';
import { PresenceControl } from './PresenceControl.jsx';
import { formatWait, secondsSince } from './format.js';
import { useNow } from './hooks.js';
import { neighbour, SHORTCUTS, shortcutFor } from './shortcuts.js';
import { t } from './strings.js';

/**
 * The agent's screen: the queue (live), my chats, and the open chat. Every list refreshes from the live stream;
 * the keyboard shortcuts of shortcuts.js work everywhere on this screen.
 */
export function AgentWorkspace({ session, live, conversationId, navigate, supervisor, agent }) {
  const { api, locale } = session;
  const [myChats, setMyChats] = useState([]);
  const [initialQueue, setInitialQueue] = useState([]);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [showHelp, setShowHelp] = useState(false);
  const refs = { composer: useRef(null), canned: useRef(null), release: useRef(null) };
  const now = useNow(1000);
  const queue = live.snapshot ? live.snapshot.waiting : initialQueue;

  useEffect(() => {
    api.get('/api/agent/queue').then(setInitialQueue).catch(() => {});
  }, [api]);

  useEffect(() => {
    let stale = false;
    api.get('/api/agent/me/chats').then((chats) => !stale && setMyChats(chats)).catch(() => {});
    return () => {
      stale = true;
    };
  }, [api, live.snapshot]);

  const open = (id) => navigate({ screen: 'chat', conversationId: id });

  const take = async (id) => {
    setError('');
    try {
      await api.post(`/api/agent/conversations/${encodeURIComponent(id)}/claim`);
      setNotice('');
      setMyChats(await api.get('/api/agent/me/chats'));
      open(id);
    } catch (e) {
      setError(t(locale, `err_${e.code}`, { fallback: e.message }) || e.message);
    }
  };

  const latest = useRef({});
  latest.current = { myChats, queue, conversationId, take, open };
  useEffect(() => {
    const onKey = (event) => {
      const shortcut = shortcutFor(event);
      if (!shortcut || shortcut.action === 'send') return;
      const state = latest.current;
      const ids = state.myChats.map((c) => c.conversationId);
      event.preventDefault();
      if (shortcut.action === 'openChat' && ids[shortcut.index]) state.open(ids[shortcut.index]);
      if (shortcut.action === 'nextChat') {
        const next = neighbour(ids, state.conversationId, shortcut.step);
        if (next) state.open(next);
      }
      if (shortcut.action === 'takeOldest' && state.queue.length) state.take(state.queue[0].conversationId);
      const focus = { focusComposer: refs.composer, focusCanned: refs.canned, focusRelease: refs.release }[shortcut.action];
      if (focus && focus.current) focus.current.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const closed = (message) => {
    setNotice(message);
    navigate({ screen: 'home' });
  };

  return (
    <div className="workspace">
      <aside className="lists">
        {agent && <PresenceControl session={session} />}
        <section aria-labelledby="queue-title">
          <h2 id="queue-title">{t(locale, 'queueTitle')} <span className="count" data-testid="queue-count">{queue.length}</span></h2>
          {queue.length === 0 && <p className="muted">{t(locale, 'queueEmpty')}</p>}
          <ol className="chat-list" data-testid="queue">
            {queue.map((entry) => (
              <li key={entry.conversationId} data-testid="queue-item" data-conversation-id={entry.conversationId}
                className={entry.conversationId === conversationId ? 'selected' : undefined}>
                <button type="button" className="chat-link" onClick={() => open(entry.conversationId)}>
                  <span className="chat-title">{entry.debtorId || entry.conversationId}</span>
                  <span className="chat-meta">
                    {t(locale, `queue_${entry.queue}`, { fallback: entry.queue })} · {t(locale, `reason_${entry.reason}`, { fallback: entry.reason })} · {entry.channel}
                  </span>
                  <span className="chat-meta">
                    {t(locale, 'waitingFor', { time: formatWait(secondsSince(entry.since, now)) })}
                    {entry.suggestedAgent ? ` · ${t(locale, 'suggested', { agent: entry.suggestedAgent })}` : ''}
                  </span>
                </button>
                <button type="button" className="primary" data-testid="take" onClick={() => take(entry.conversationId)}>
                  {t(locale, 'take')}
                </button>
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="mine-title">
          <h2 id="mine-title">{t(locale, 'myChatsTitle')} <span className="count">{myChats.length}</span></h2>
          {myChats.length === 0 && <p className="muted">{t(locale, 'myChatsEmpty')}</p>}
          <ol className="chat-list" data-testid="my-chats">
            {myChats.map((chat, i) => (
              <li key={chat.conversationId} data-testid="my-chat" data-conversation-id={chat.conversationId}
                className={chat.conversationId === conversationId ? 'selected' : undefined}>
                <button type="button" className="chat-link" onClick={() => open(chat.conversationId)}
                  aria-current={chat.conversationId === conversationId ? 'true' : undefined}>
                  <span className="chat-title">{i < 9 && <kbd>Alt+{i + 1}</kbd>} {chat.debtorId || chat.conversationId}</span>
                  <span className="chat-meta">{t(locale, `queue_${chat.queue}`, { fallback: chat.queue })} · {chat.channel}</span>
                </button>
              </li>
            ))}
          </ol>
        </section>
        <button type="button" className="link-button" aria-expanded={showHelp} onClick={() => setShowHelp(!showHelp)}>
          {t(locale, 'shortcutsTitle')}
        </button>
        {showHelp && (
          <dl className="shortcuts" data-testid="shortcuts">
            {SHORTCUTS.map((s) => (
              <div key={s.action}><dt><kbd>{s.keys}</kbd></dt><dd>{t(locale, `sc_${s.action}`)}</dd></div>
            ))}
          </dl>
        )}
      </aside>
      <main className="chat-area">
        {error && <p role="alert" className="error" data-testid="error">{error}</p>}
        {notice && <p role="status" className="notice" data-testid="notice">{notice}</p>}
        {conversationId ? (
          <ChatView key={conversationId} session={session} conversationId={conversationId} snapshot={live.snapshot}
            refs={refs} supervisor={supervisor} onTake={() => take(conversationId)} onReleased={closed} />
        ) : (
          <p className="muted console-empty">{t(locale, 'pickChat')}</p>
        )}
      </main>
    </div>
  );
}
