// Consent per channel (from the debtor) and what the contact policy says now for each channel
// (GET /api/compliance/can-contact): allowed, or the reason and when it would be allowed next.
import { translator } from '../../i18n.js';
import { useLoad, when } from './common.jsx';
import { reasonLabel } from './SegmentBuilder.jsx';

export const CHANNELS = ['whatsapp', 'sms', 'email'];

const t = translator({
  es: { title: 'Consentimiento y contacto', channel: 'Canal', consent: 'Consentimiento', now: 'Contacto ahora',
    optedIn: 'sí ({source}, {at})', notOptedIn: 'no', none: 'sin registro', allowed: 'permitido', blocked: 'no: {reason}',
    next: 'desde {at}', unknown: '—', check: 'Volver a comprobar' },
  en: { title: 'Consent and contact', channel: 'Channel', consent: 'Consent', now: 'Contact now',
    optedIn: 'yes ({source}, {at})', notOptedIn: 'no', none: 'not recorded', allowed: 'allowed', blocked: 'no: {reason}',
    next: 'from {at}', unknown: '—', check: 'Check again' },
});

export function ContactPanel({ session, debtor }) {
  const { api, locale } = session;
  const decisions = useLoad(() => Promise.all(CHANNELS.map((channel) => api
    .get(`/api/compliance/can-contact?debtorId=${encodeURIComponent(debtor.id)}&channel=${channel}`)
    .catch(() => null))), [debtor.id]);
  const consent = debtor.consent || {};
  return (
    <section className="ops-card" aria-labelledby="contact-title">
      <h2 id="contact-title">{t(locale, 'title')}</h2>
      <table>
        <thead><tr><th>{t(locale, 'channel')}</th><th>{t(locale, 'consent')}</th><th>{t(locale, 'now')}</th></tr></thead>
        <tbody>
          {CHANNELS.map((channel, i) => {
            const c = consent[channel];
            const d = decisions.data ? decisions.data[i] : null;
            return (
              <tr key={channel}>
                <td>{channel}</td>
                <td>{c ? (c.optedIn ? t(locale, 'optedIn', { source: c.source || '—', at: when(c.at, locale) }) : t(locale, 'notOptedIn')) : t(locale, 'none')}</td>
                <td data-testid={`can-contact-${channel}`} data-allowed={d ? String(d.allowed) : undefined} data-reason={d && d.reason ? d.reason : undefined}>
                  {!d ? t(locale, 'unknown') : d.allowed ? t(locale, 'allowed') : t(locale, 'blocked', { reason: reasonLabel(locale, d.reason) })}
                  {d && !d.allowed && d.nextAllowedAt ? ` · ${t(locale, 'next', { at: when(d.nextAllowedAt, locale) })}` : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" onClick={decisions.reload}>{t(locale, 'check')}</button>
    </section>
  );
}
