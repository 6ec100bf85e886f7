// A debtor's contact history (the insert-only contact audit) and conversations, newest first.
import { translator } from '../../i18n.js';
import { ConsoleLink, Problem, useLoad, when } from './common.jsx';
import { pathFor } from '../routes.js';
import { reasonLabel } from './SegmentBuilder.jsx';

const t = translator({
  es: { audit: 'Historial de contactos', conversations: 'Conversaciones', none: 'Ninguno.', at: 'Cuándo', channel: 'Canal',
    purpose: 'Motivo', result: 'Resultado', allowed: 'permitido', blocked: 'bloqueado: {reason}', status: 'Estado',
    started: 'Inicio', disposition: 'Resultado', open: 'Abrir' },
  en: { audit: 'Contact history', conversations: 'Conversations', none: 'None.', at: 'When', channel: 'Channel',
    purpose: 'Purpose', result: 'Result', allowed: 'allowed', blocked: 'blocked: {reason}', status: 'Status',
    started: 'Started', disposition: 'Outcome', open: 'Open' },
});

export function DebtorHistory({ session, debtor, navigate }) {
  const { api, locale } = session;
  const id = encodeURIComponent(debtor.id);
  const audit = useLoad(() => api.get(`/api/compliance/audit?debtorId=${id}`), [debtor.id]);
  const conversations = useLoad(() => api.get(`/api/debtors/${id}/conversations`), [debtor.id]);
  const rows = (audit.data || []).slice().reverse().slice(0, 50);
  return (
    <>
      <section className="ops-card" aria-labelledby="history-title">
        <h2 id="history-title">{t(locale, 'audit')}</h2>
        <Problem error={audit.error} />
        {rows.length === 0 && !audit.loading ? <p className="muted">{t(locale, 'none')}</p> : (
          <table data-testid="contact-history">
            <thead><tr><th>{t(locale, 'at')}</th><th>{t(locale, 'channel')}</th><th>{t(locale, 'purpose')}</th><th>{t(locale, 'result')}</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}><td>{when(r.at, locale)}</td><td>{r.channel}</td><td>{r.purpose}{r.template ? ` (${r.template})` : ''}</td>
                  <td>{r.allowed ? t(locale, 'allowed') : t(locale, 'blocked', { reason: reasonLabel(locale, r.reason) })}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="ops-card" aria-labelledby="conversations-title">
        <h2 id="conversations-title">{t(locale, 'conversations')}</h2>
        <Problem error={conversations.error} />
        {(conversations.data || []).length === 0 && !conversations.loading ? <p className="muted">{t(locale, 'none')}</p> : (
          <table data-testid="debtor-conversations">
            <thead><tr><th>{t(locale, 'started')}</th><th>{t(locale, 'channel')}</th><th>{t(locale, 'status')}</th><th>{t(locale, 'disposition')}</th><th /></tr></thead>
            <tbody>
              {(conversations.data || []).map(({ conversation: c, createdAt }) => (
                <tr key={c.id}><td>{when(createdAt, locale)}</td><td>{c.channel}</td><td>{c.status}</td><td>{c.disposition || ''}</td>
                  <td><ConsoleLink to={{ screen: 'chat', conversationId: c.id }} path={pathFor({ screen: 'chat', conversationId: c.id })}
                    navigate={navigate}>{t(locale, 'open')}</ConsoleLink></td></tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
