// /console/campaigns/<id>: one campaign — start, pause, resume, cancel; counts per status and per block reason,
// refreshed every few seconds while it runs; the per-contact results as CSV.
import { useState } from 'react';
import { translator } from '../../i18n.js';
import { ConsoleLink, download, Problem, useInterval, useLoad, when } from './common.jsx';
import { reasonLabel } from './SegmentBuilder.jsx';
import { CampaignSchedule } from './CampaignSchedule.jsx';
import { t as listText } from './CampaignsScreen.jsx';

const t = translator({
  es: {
    back: '← Campañas', notFound: 'No existe esta campaña.', status: 'Estado', template: 'Plantilla', flow: 'Flujo', channel: 'Canal',
    segment: 'Segmento', audience: 'Audiencia', started: 'Iniciada', start: 'Iniciar campaña', pause: 'Pausar', resume: 'Reanudar',
    cancel: 'Cancelar campaña', results: 'Resultados', byStatus: 'Por estado', byReason: 'Bloqueados o aplazados, por motivo',
    count: 'Contactos', csv: 'Descargar resultados (CSV)', live: 'Se actualiza cada {s} s.', previewTitle: 'Si se iniciara ahora',
    previewLine: '{audience} deudores; {allowed} se pueden contactar ya; el resto se aplaza o bloquea según la política.',
    st_queued: 'en cola', st_sent: 'enviados', st_delivered: 'entregados', st_read: 'leídos', st_replied: 'respondieron',
    st_failed: 'fallidos', st_deferred: 'aplazados', st_blocked: 'bloqueados', st_cancelled: 'cancelados',
  },
  en: {
    back: '← Campaigns', notFound: 'There is no such campaign.', status: 'Status', template: 'Template', flow: 'Flow', channel: 'Channel',
    segment: 'Segment', audience: 'Audience', started: 'Started', start: 'Start campaign', pause: 'Pause', resume: 'Resume',
    cancel: 'Cancel campaign', results: 'Results', byStatus: 'By status', byReason: 'Blocked or deferred, by reason',
    count: 'Contacts', csv: 'Download results (CSV)', live: 'Refreshed every {s} s.', previewTitle: 'If it started now',
    previewLine: '{audience} debtors; {allowed} can be contacted at once; the others are deferred or blocked by the policy.',
    st_queued: 'queued', st_sent: 'sent', st_delivered: 'delivered', st_read: 'read', st_replied: 'replied',
    st_failed: 'failed', st_deferred: 'deferred', st_blocked: 'blocked', st_cancelled: 'cancelled',
  },
});

const REFRESH_S = 3;

const SEGMENT_TEXT = {
  es: { minDaysPastDue: 'mora ≥ {v} días', maxDaysPastDue: 'mora ≤ {v} días', minBalance: 'saldo ≥ {v}', maxBalance: 'saldo ≤ {v}',
    country: 'país {v}', product: 'producto «{v}»', all: 'toda la cartera' },
  en: { minDaysPastDue: 'days past due ≥ {v}', maxDaysPastDue: 'days past due ≤ {v}', minBalance: 'balance ≥ {v}',
    maxBalance: 'balance ≤ {v}', country: 'country {v}', product: 'product "{v}"', all: 'the whole portfolio' },
};

/** "days past due ≤ 30 · country CO" */
export function describeSegment(segment, locale) {
  const texts = SEGMENT_TEXT[locale] || SEGMENT_TEXT.es;
  const parts = Object.entries(segment || {}).filter(([k, v]) => v !== null && v !== undefined && texts[k])
    .map(([k, v]) => texts[k].replace('{v}', v));
  return parts.length ? parts.join(' · ') : texts.all;
}

export function CampaignPage({ session, route, navigate }) {
  const { api, locale } = session;
  const base = `/api/campaigns/${encodeURIComponent(route.campaignId)}`;
  const campaign = useLoad(() => api.get(base), [route.campaignId]);
  const c = campaign.data;
  const draft = c && c.status === 'draft';
  const preview = useLoad(() => (draft ? api.get(`${base}/preview`) : Promise.resolve(null)), [route.campaignId, draft]);
  const [error, setError] = useState(null);
  // Live while it runs (and while a draft may be started by its schedule).
  useInterval(campaign.reload, REFRESH_S * 1000, Boolean(c && ['draft', 'running', 'paused'].includes(c.status)));

  const act = async (verb) => {
    setError(null);
    try {
      await api.post(`${base}/${verb}`, {});
      campaign.reload();
    } catch (err) {
      setError(err);
    }
  };
  const back = <ConsoleLink to={{ screen: 'campaigns' }} path="/console/campaigns" navigate={navigate}>{t(locale, 'back')}</ConsoleLink>;
  if (!c) return <>{back}{campaign.error && (campaign.error.status === 404 ? <p role="alert">{t(locale, 'notFound')}</p> : <Problem error={campaign.error} />)}</>;
  const statuses = Object.entries(c.counts || {});
  const reasons = Object.entries(c.blockReasons || {}).filter(([, n]) => n > 0);
  return (
    <div data-testid="campaign" data-status={c.status}>
      {back}
      <h1>{c.name} <span className="muted">· {listText(locale, `status_${c.status}`)}</span></h1>
      <dl className="facts ops-card">
        <div className="fact-row"><dt>{t(locale, 'template')}</dt><dd>{`${c.template.name} (${c.template.language})`}</dd></div>
        <div className="fact-row"><dt>{t(locale, 'flow')}</dt><dd>{c.flowId}</dd></div>
        <div className="fact-row"><dt>{t(locale, 'channel')}</dt><dd>{c.channel}</dd></div>
        <div className="fact-row"><dt>{t(locale, 'segment')}</dt><dd>{describeSegment(c.segment, locale)}</dd></div>
        <div className="fact-row"><dt>{t(locale, 'audience')}</dt><dd data-testid="campaign-audience">{c.audience ?? '—'}</dd></div>
        {c.startedAt && <div className="fact-row"><dt>{t(locale, 'started')}</dt><dd>{when(c.startedAt, locale)}</dd></div>}
      </dl>
      <div className="ops-row">
        {draft && <button type="button" className="primary" onClick={() => act('start')}>{t(locale, 'start')}</button>}
        {c.status === 'running' && <button type="button" onClick={() => act('pause')}>{t(locale, 'pause')}</button>}
        {c.status === 'paused' && <button type="button" onClick={() => act('resume')}>{t(locale, 'resume')}</button>}
        {['draft', 'running', 'paused'].includes(c.status) && <button type="button" onClick={() => act('cancel')}>{t(locale, 'cancel')}</button>}
      </div>
      <Problem error={error} />
      {draft && <CampaignSchedule session={session} base={base} onChanged={campaign.reload} />}
      {draft && preview.data && (
        <section className="ops-card" aria-labelledby="preview-title">
          <h2 id="preview-title">{t(locale, 'previewTitle')}</h2>
          <p>{t(locale, 'previewLine', { audience: preview.data.audience, allowed: preview.data.allowedNow })}</p>
          {(preview.data.warnings || []).map((w) => <p key={w} className="warning">{w}</p>)}
        </section>
      )}
      <section className="ops-card" aria-labelledby="results-title">
        <h2 id="results-title">{t(locale, 'results')}</h2>
        {c.status === 'running' && <p className="muted">{t(locale, 'live', { s: REFRESH_S })}</p>}
        <div className="ops-columns">
          <table data-testid="status-counts">
            <caption>{t(locale, 'byStatus')}</caption>
            <tbody>{statuses.map(([s, n]) => <tr key={s} data-status={s}><th scope="row">{t(locale, `st_${s}`)}</th><td data-testid={`count-${s}`}>{n}</td></tr>)}</tbody>
          </table>
          <table data-testid="reason-counts">
            <caption>{t(locale, 'byReason')}</caption>
            <tbody>{reasons.map(([r, n]) => <tr key={r} data-reason={r}><th scope="row">{reasonLabel(locale, r)}</th><td>{n}</td></tr>)}</tbody>
          </table>
        </div>
        <button type="button" onClick={async () => {
          try {
            download(`campaign-${c.id}.csv`, await api.get(`${base}/results?format=csv`, { accept: 'text/csv' }));
          } catch (err) {
            setError(err);
          }
        }}>{t(locale, 'csv')}</button>
      </section>
    </div>
  );
}
