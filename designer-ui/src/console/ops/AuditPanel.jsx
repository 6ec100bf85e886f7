// The contact audit (GET /api/compliance/audit): every business-initiated contact the policy decided, with
// filters (debtor, period on the server; channel and outcome here) and the filtered rows as CSV.
import { useState } from 'react';
import { translator } from '../../i18n.js';
import { download, Problem, toCsv, useLoad, when } from './common.jsx';

const COLUMNS = ['id', 'at', 'debtorId', 'channel', 'purpose', 'sourceId', 'template', 'country', 'debtorLocalTime',
  'consentBasis', 'allowed', 'reason', 'nextAllowedAt'];
const SHOWN = 200;

const t = translator({
  es: {
    title: 'Auditoría de contactos', debtor: 'Deudor (id)', from: 'Desde', to: 'Hasta', channel: 'Canal', outcome: 'Resultado',
    any: 'todos', allowed: 'permitidos', blocked: 'bloqueados', apply: 'Filtrar', csv: 'Exportar CSV',
    count: '{n} registros (se muestran hasta {shown}).', at: 'Cuándo', purpose: 'Motivo', reason: 'Motivo del bloqueo', localTime: 'Hora local',
  },
  en: {
    title: 'Contact audit', debtor: 'Debtor (id)', from: 'From', to: 'To', channel: 'Channel', outcome: 'Outcome',
    any: 'all', allowed: 'allowed', blocked: 'blocked', apply: 'Filter', csv: 'Export CSV',
    count: '{n} records (showing up to {shown}).', at: 'When', purpose: 'Purpose', reason: 'Block reason', localTime: 'Local time',
  },
});

export function AuditPanel({ session }) {
  const { api, locale } = session;
  const [form, setForm] = useState({ debtorId: '', from: '', to: '', channel: '', outcome: '' });
  const [query, setQuery] = useState('');
  const audit = useLoad(() => api.get(`/api/compliance/audit${query}`), [query]);
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.value });
  const rows = (audit.data || []).filter((r) => (!form.channel || r.channel === form.channel)
    && (!form.outcome || (form.outcome === 'allowed') === Boolean(r.allowed)));
  return (
    <section className="ops-card" aria-labelledby="audit-title">
      <h2 id="audit-title">{t(locale, 'title')}</h2>
      <form className="ops-grid" onSubmit={(e) => {
        e.preventDefault();
        const params = new URLSearchParams();
        if (form.debtorId.trim()) params.set('debtorId', form.debtorId.trim());
        if (form.from) params.set('from', form.from);
        if (form.to) params.set('to', form.to);
        const text = params.toString();
        setQuery(text ? `?${text}` : '');
      }}>
        <label>{t(locale, 'debtor')}<input value={form.debtorId} onChange={set('debtorId')} /></label>
        <label>{t(locale, 'from')}<input type="date" value={form.from} onChange={set('from')} /></label>
        <label>{t(locale, 'to')}<input type="date" value={form.to} onChange={set('to')} /></label>
        <label>{t(locale, 'channel')}
          <select value={form.channel} onChange={set('channel')}>
            <option value="">{t(locale, 'any')}</option>
            {['whatsapp', 'sms', 'email', 'webchat'].map((c) => <option key={c}>{c}</option>)}
          </select>
        </label>
        <label>{t(locale, 'outcome')}
          <select value={form.outcome} onChange={set('outcome')}>
            <option value="">{t(locale, 'any')}</option>
            <option value="allowed">{t(locale, 'allowed')}</option>
            <option value="blocked">{t(locale, 'blocked')}</option>
          </select>
        </label>
        <div className="ops-row">
          <button type="submit">{t(locale, 'apply')}</button>
          <button type="button" onClick={() => download('contact-audit.csv', toCsv(COLUMNS, rows))}>{t(locale, 'csv')}</button>
        </div>
      </form>
      <Problem error={audit.error} />
      <p className="muted" data-testid="audit-count">{t(locale, 'count', { n: rows.length, shown: SHOWN })}</p>
      <table data-testid="audit">
        <thead><tr><th>{t(locale, 'at')}</th><th>{t(locale, 'debtor')}</th><th>{t(locale, 'channel')}</th><th>{t(locale, 'purpose')}</th>
          <th>{t(locale, 'localTime')}</th><th>{t(locale, 'outcome')}</th></tr></thead>
        <tbody>
          {rows.slice(-SHOWN).reverse().map((r) => (
            <tr key={r.id}><td>{when(r.at, locale)}</td><td>{r.debtorId}</td><td>{r.channel}</td><td>{r.purpose}</td>
              <td>{r.debtorLocalTime}</td><td>{r.allowed ? t(locale, 'allowed') : `${t(locale, 'blocked')}: ${r.reason}`}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
