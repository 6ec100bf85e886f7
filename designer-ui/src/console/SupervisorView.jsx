import { useCallback, useEffect, useState } from 'react';
import { CannedRepliesManager } from './CannedRepliesManager.jsx';
import { formatWait, secondsSince } from './format.js';
import { useNow } from './hooks.js';
import { t } from './strings.js';

/**
 * The supervisor's view: every queue with its waiting chats and longest wait, every agent's presence and load,
 * the waiting and owned chats with reassignment, and the canned replies. Refreshed by the live stream.
 */
export function SupervisorView({ session, live, navigate }) {
  const { api, locale } = session;
  const [overview, setOverview] = useState(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const now = useNow(1000);

  const load = useCallback(() => api.get('/api/agent/overview').then((o) => {
    setOverview(o);
    setError('');
  }).catch((e) => setError(e.message)), [api]);

  useEffect(() => {
    load();
  }, [load, live.snapshot]);

  useEffect(() => {
    // Presence changes do not move the live stream: read the floor again now and then.
    const timer = setInterval(load, 15000);
    return () => clearInterval(timer);
  }, [load]);

  const reassign = async (conversationId, agent) => {
    setError('');
    try {
      await api.post(`/api/agent/conversations/${encodeURIComponent(conversationId)}/assign`, { agent });
      setNotice(t(locale, 'reassigned', { agent }));
      load();
    } catch (e) {
      setError(e.message);
    }
  };

  if (!overview) return <main className="supervisor"><p className="muted">{error || t(locale, 'loading')}</p></main>;
  const queueStats = overview.queues.map((q) => {
    const oldest = overview.waiting.filter((w) => (w.queue || 'general') === q.queue)
      .reduce((max, w) => Math.max(max, secondsSince(w.since, now)), 0);
    return { ...q, longest: oldest };
  });

  return (
    <main className="supervisor" data-testid="supervisor">
      {error && <p role="alert" className="error">{error}</p>}
      {notice && <p role="status" className="notice">{notice}</p>}
      <section aria-labelledby="queues-title">
        <h2 id="queues-title">{t(locale, 'queuesTitle')}</h2>
        <table data-testid="queue-stats">
          <thead><tr><th>{t(locale, 'queue')}</th><th>{t(locale, 'waiting')}</th><th>{t(locale, 'longestWait')}</th><th>{t(locale, 'withAgents')}</th></tr></thead>
          <tbody>
            {queueStats.map((q) => (
              <tr key={q.queue} data-queue={q.queue}>
                <td>{t(locale, `queue_${q.queue}`, { fallback: q.queue })}</td>
                <td data-testid="queue-waiting">{q.waiting}</td>
                <td>{q.waiting ? formatWait(q.longest) : '—'}</td>
                <td>{q.withAgents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="agents-title">
        <h2 id="agents-title">{t(locale, 'agentsTitle')}</h2>
        {overview.agents.length === 0 && <p className="muted">{t(locale, 'noAgents')}</p>}
        <table data-testid="agents">
          <thead><tr><th>{t(locale, 'agent')}</th><th>{t(locale, 'presence')}</th><th>{t(locale, 'skills')}</th><th>{t(locale, 'load')}</th></tr></thead>
          <tbody>
            {overview.agents.map((a) => (
              <tr key={a.username} data-agent={a.username}>
                <td>{a.username}</td>
                <td><span className={`dot ${a.status === 'available' ? 'dot-on' : 'dot-off'}`} aria-hidden="true" /> {t(locale, a.status === 'available' ? 'available' : 'away')}</td>
                <td>{a.queues.length ? a.queues.join(', ') : t(locale, 'allQueues')}</td>
                <td><meter min="0" max={a.maxChats} value={a.chats} /> {a.chats}/{a.maxChats}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ChatTable title={t(locale, 'waitingChats')} chats={overview.waiting} agents={overview.agents} locale={locale}
        now={now} onOpen={(id) => navigate({ screen: 'chat', conversationId: id })} onReassign={reassign} testId="waiting-chats" />
      <ChatTable title={t(locale, 'ownedChats')} chats={overview.owned} agents={overview.agents} locale={locale}
        now={now} onOpen={(id) => navigate({ screen: 'chat', conversationId: id })} onReassign={reassign} testId="owned-chats" />
      <CannedRepliesManager session={session} />
    </main>
  );
}

function ChatTable({ title, chats, agents, locale, now, onOpen, onReassign, testId }) {
  return (
    <section aria-label={title}>
      <h2>{title} <span className="count">{chats.length}</span></h2>
      {chats.length === 0 ? <p className="muted">{t(locale, 'none')}</p> : (
        <table data-testid={testId}>
          <thead><tr><th>{t(locale, 'debtor')}</th><th>{t(locale, 'queue')}</th><th>{t(locale, 'reason')}</th><th>{t(locale, 'waitingSince')}</th><th>{t(locale, 'agent')}</th><th>{t(locale, 'reassign')}</th></tr></thead>
          <tbody>
            {chats.map((c) => <ChatRow key={c.conversationId} chat={c} agents={agents} locale={locale} now={now} onOpen={onOpen} onReassign={onReassign} />)}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ChatRow({ chat, agents, locale, now, onOpen, onReassign }) {
  const [target, setTarget] = useState('');
  return (
    <tr data-conversation-id={chat.conversationId}>
      <td><button type="button" className="link-button" onClick={() => onOpen(chat.conversationId)}>{chat.debtorId || chat.conversationId}</button> · {chat.channel}</td>
      <td>{t(locale, `queue_${chat.queue}`, { fallback: chat.queue })}</td>
      <td>{t(locale, `reason_${chat.reason}`, { fallback: chat.reason })}</td>
      <td>{formatWait(secondsSince(chat.since, now))}</td>
      <td>{chat.agent || chat.suggestedAgent ? (chat.agent || `${chat.suggestedAgent} (${t(locale, 'suggestedShort')})`) : '—'}</td>
      <td>
        <select aria-label={t(locale, 'reassignTo')} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">{t(locale, 'pickAgent')}</option>
          {agents.filter((a) => a.username !== chat.agent).map((a) => (
            <option key={a.username} value={a.username}>{a.username} ({a.chats}/{a.maxChats})</option>
          ))}
        </select>{' '}
        <button type="button" disabled={!target} onClick={() => onReassign(chat.conversationId, target)}>{t(locale, 'reassign')}</button>
      </td>
    </tr>
  );
}
