// /console/campaigns (ADMIN, SUPERVISOR): the campaigns with their status, and the builder of a new one.
import { useState } from 'react';
import { translator } from '../../i18n.js';
import { ConsoleLink, Problem, useLoad, when } from './common.jsx';
import { EMPTY_SEGMENT, SegmentBuilder, segmentOf } from './SegmentBuilder.jsx';
import { TemplatePicker } from './TemplatePicker.jsx';
import { pathFor } from '../routes.js';

export const t = translator({
  es: {
    title: 'Campañas', newTitle: 'Nueva campaña', name: 'Nombre de la campaña', flow: 'Flujo que atiende las respuestas',
    channel: 'Canal', create: 'Crear campaña', listTitle: 'Campañas', none: 'Aún no hay campañas.', status: 'Estado',
    created: 'Creada', audience: 'Audiencia', open: 'Abrir',
    status_draft: 'borrador', status_running: 'en curso', status_paused: 'en pausa', status_cancelled: 'cancelada', status_scheduled: 'programada',
  },
  en: {
    title: 'Campaigns', newTitle: 'New campaign', name: 'Campaign name', flow: 'Flow that handles the replies',
    channel: 'Channel', create: 'Create campaign', listTitle: 'Campaigns', none: 'No campaigns yet.', status: 'Status',
    created: 'Created', audience: 'Audience', open: 'Open',
    status_draft: 'draft', status_running: 'running', status_paused: 'paused', status_cancelled: 'cancelled', status_scheduled: 'scheduled',
  },
});

export function CampaignsScreen({ session, navigate }) {
  const { api, locale } = session;
  const campaigns = useLoad(() => api.get('/api/campaigns'), []);
  return (
    <>
      <h1>{t(locale, 'title')}</h1>
      <CampaignBuilder session={session} onCreated={(id) => navigate({ screen: 'campaign', campaignId: id })} />
      <section className="ops-card" aria-labelledby="campaigns-title">
        <h2 id="campaigns-title">{t(locale, 'listTitle')}</h2>
        <Problem error={campaigns.error} />
        {(campaigns.data || []).length === 0 && !campaigns.loading ? <p className="muted">{t(locale, 'none')}</p> : (
          <table data-testid="campaigns">
            <thead><tr><th>{t(locale, 'name')}</th><th>{t(locale, 'status')}</th><th>{t(locale, 'audience')}</th><th>{t(locale, 'created')}</th></tr></thead>
            <tbody>
              {(campaigns.data || []).map((c) => (
                <tr key={c.id} data-campaign-id={c.id}>
                  <td><ConsoleLink to={{ screen: 'campaign', campaignId: c.id }} path={pathFor({ screen: 'campaign', campaignId: c.id })}
                    navigate={navigate}>{c.name}</ConsoleLink></td>
                  <td>{t(locale, `status_${c.status}`)}</td><td>{c.audience ?? '—'}</td><td>{when(c.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function CampaignBuilder({ session, onCreated }) {
  const { api, locale } = session;
  const flows = useLoad(() => api.get('/api/flows'), []);
  const published = (flows.data || []).filter((f) => f.publishedVersion);
  const [name, setName] = useState('');
  const [flowId, setFlowId] = useState('');
  const [channel, setChannel] = useState('whatsapp');
  const [segment, setSegment] = useState(EMPTY_SEGMENT);
  const [template, setTemplate] = useState('');
  const [parameters, setParameters] = useState([]);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  // The stage flows answer campaign replies; 'early' is the natural default when it is published.
  const flow = flowId || ((published.find((f) => f.id === 'early') || published[0] || {}).id) || '';

  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const [templateName, language] = template.split('|');
      const created = await api.post('/api/campaigns', {
        name: name.trim(), flowId: flow, channel, segment: segmentOf(segment),
        template: { name: templateName, language, ...(parameters.length ? { parameters } : {}) },
      });
      onCreated(created.id);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <form className="ops-card ops-form" aria-labelledby="new-campaign-title" onSubmit={submit}>
      <h2 id="new-campaign-title">{t(locale, 'newTitle')}</h2>
      <label>{t(locale, 'name')}<input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} /></label>
      <div className="ops-grid">
        <label>{t(locale, 'flow')}
          <select value={flow} onChange={(e) => setFlowId(e.target.value)} required>
            {published.map((f) => <option key={f.id} value={f.id}>{f.title || f.id}</option>)}
          </select>
        </label>
        <label>{t(locale, 'channel')}
          <select value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="whatsapp">WhatsApp</option>
            <option value="sms">SMS</option>
            <option value="email">Email</option>
          </select>
        </label>
      </div>
      <SegmentBuilder session={session} form={segment} setForm={setSegment} channel={channel} />
      <TemplatePicker session={session} value={template} onChange={setTemplate} parameters={parameters} setParameters={setParameters} />
      <button type="submit" className="primary" disabled={busy}>{t(locale, 'create')}</button>
      <Problem error={error} />
    </form>
  );
}
