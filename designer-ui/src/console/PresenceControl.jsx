import { useEffect, useState } from 'react';
import { t } from './strings.js';

/** The agent's availability for routing (PUT /api/agent/me/presence): status, queues served, chat limit. */
export function PresenceControl({ session }) {
  const { api, locale } = session;
  const [presence, setPresence] = useState(null);
  const [queues, setQueues] = useState('');
  const [maxChats, setMaxChats] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    api.get('/api/agent/me/presence').then((p) => {
      setPresence(p);
      setQueues((p.queues || []).join(', '));
      setMaxChats(p.maxChats ? String(p.maxChats) : '');
    }).catch(() => {});
  }, [api]);

  const save = async (status) => {
    setError('');
    const body = { status, queues: queues.split(',').map((q) => q.trim()).filter(Boolean) };
    if (maxChats.trim()) body.maxChats = Number(maxChats);
    try {
      setPresence(await api.put('/api/agent/me/presence', body));
    } catch (e) {
      setError(e.message);
    }
  };

  if (!presence) return null;
  const available = presence.status === 'available';
  return (
    <section className="presence" aria-labelledby="presence-title">
      <h2 id="presence-title">{t(locale, 'presenceTitle')}</h2>
      <p>
        <span className={`dot ${available ? 'dot-on' : 'dot-off'}`} aria-hidden="true" />
        <span data-testid="presence-status">{t(locale, available ? 'available' : 'away')}</span>{' '}
        <button type="button" onClick={() => save(available ? 'away' : 'available')} data-testid="presence-toggle">
          {t(locale, available ? 'goAway' : 'goAvailable')}
        </button>
      </p>
      <details>
        <summary>{t(locale, 'presenceSettings')}</summary>
        <label>{t(locale, 'presenceQueues')}
          <input value={queues} onChange={(e) => setQueues(e.target.value)} placeholder="general, complaints" />
        </label>
        <label>{t(locale, 'presenceMaxChats')}
          <input type="number" min="1" max="50" value={maxChats} onChange={(e) => setMaxChats(e.target.value)} />
        </label>
        <button type="button" onClick={() => save(presence.status)}>{t(locale, 'save')}</button>
      </details>
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
