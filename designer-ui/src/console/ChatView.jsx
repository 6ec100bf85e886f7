import { useCallback, useEffect, useRef, useState } from 'react';
import { Composer } from './Composer.jsx';
import { ContextPanel } from './ContextPanel.jsx';
import { ReleaseForm } from './ReleaseForm.jsx';
import { formatTime } from './format.js';
import { usePrevious } from './hooks.js';
import { chatChanged } from './live.js';
import { t } from './strings.js';

/**
 * One chat: the transcript (bot, debtor and agent messages), the composer with canned replies, the release
 * form and the side panel. Reloads the transcript when the live stream says the chat got a new message.
 */
export function ChatView({ session, conversationId, snapshot, refs, supervisor, onTake, onReleased }) {
  const { api, locale, user } = session;
  const [messages, setMessages] = useState(null);
  const [context, setContext] = useState(null);
  const [error, setError] = useState('');
  const previous = usePrevious(snapshot);
  const bottom = useRef(null);
  const path = `/api/agent/conversations/${encodeURIComponent(conversationId)}`;

  const reload = useCallback(async () => {
    try {
      const [transcript, ctx] = await Promise.all([api.get(`${path}/messages`), api.get(`${path}/context`)]);
      setMessages(transcript);
      setContext(ctx);
      setError('');
    } catch (e) {
      setError(e.status === 404 ? t(locale, 'chatNotFound') : e.message);
    }
  }, [api, path, locale]);

  useEffect(() => {
    reload();
  }, [reload]);

  useEffect(() => {
    if (previous && chatChanged(previous, snapshot, conversationId)) reload();
  }, [snapshot]);

  useEffect(() => {
    if (bottom.current && bottom.current.scrollIntoView) bottom.current.scrollIntoView({ block: 'end' });
  }, [messages]);

  if (error && !context) return <p role="alert" className="error">{error}</p>;
  if (!context || !messages) return <p className="muted">{t(locale, 'loading')}</p>;

  const c = context.conversation;
  const mine = c.status === 'AGENT' && c.agent === user.username;
  const canRelease = c.status === 'AGENT' && (mine || supervisor);

  return (
    <div className="chat-view" data-testid="chat-view" data-conversation-id={c.id} data-status={c.status}>
      <section className="transcript-column" aria-labelledby="chat-title">
        <header className="chat-header">
          <h2 id="chat-title">{(context.debtor && context.debtor.name) || c.id}</h2>
          <p className="chat-meta">
            <span data-testid="chat-status">{t(locale, `status_${c.status}`)}</span>
            {c.agent && c.status === 'AGENT' ? ` · ${t(locale, 'ownedBy', { agent: c.agent })}` : ''} · {c.channel}
          </p>
          {c.status === 'WAITING_AGENT' && (
            <button type="button" className="primary" data-testid="take-open" onClick={onTake}>{t(locale, 'take')}</button>
          )}
        </header>
        {error && <p role="alert" className="error">{error}</p>}
        <ol className="transcript" aria-label={t(locale, 'transcript')} aria-live="polite" data-testid="transcript">
          {messages.map((m, i) => (
            <li key={i} className={`tmsg tmsg-${m.from}`} data-testid="transcript-message" data-from={m.from}>
              <span className="tmsg-author">{t(locale, `from_${m.from}`)} · {formatTime(m.at, locale)}</span>
              <p className="tmsg-text">{m.text}</p>
              {m.options && (
                <ul className="tmsg-options">
                  {m.options.map((o) => <li key={o.id}>{o.title}</li>)}
                </ul>
              )}
            </li>
          ))}
          <li ref={bottom} className="transcript-end" aria-hidden="true" />
        </ol>
        {mine && (
          <Composer session={session} conversationId={conversationId} context={context} refs={refs}
            onSent={(sent) => setMessages((list) => [...list, sent.message])} />
        )}
        {!mine && c.status === 'AGENT' && <p className="muted">{t(locale, 'readOnly')}</p>}
        {canRelease && (
          <ReleaseForm session={session} conversationId={conversationId} context={context} refs={refs}
            onReleased={onReleased} />
        )}
      </section>
      <ContextPanel locale={locale} context={context} />
    </div>
  );
}
