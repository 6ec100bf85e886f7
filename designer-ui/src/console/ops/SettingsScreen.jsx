// /console/settings (ADMIN): the creditor webhook (URL, secret, test delivery, deliveries with retry) and the
// payment-plan bounds per product.
import { useEffect, useState } from 'react';
import { translator } from '../../i18n.js';
import { Problem, useInterval, useLoad, when } from './common.jsx';
import { PlanBoundsPanel } from './PlanBoundsPanel.jsx';

const t = translator({
  es: {
    title: 'Ajustes', webhook: 'Webhook del acreedor', url: 'URL del webhook (https://…)', secret: 'Secreto de firma (mínimo 16 caracteres)',
    secretSet: 'Hay un secreto guardado; déjalo vacío para mantenerlo.', enabled: 'Enviar eventos', save: 'Guardar webhook', saved: 'Webhook guardado.',
    test: 'Enviar evento de prueba', tested: 'Evento de prueba en cola: aparecerá abajo en segundos.', deliveries: 'Entregas recientes',
    retry: 'Reintentar las fallidas', retried: '{n} eventos vuelven a intentarse.', none: 'Aún no hay entregas.',
    at: 'Cuándo', type: 'Evento', attempt: 'Intento', status: 'HTTP', result: 'Resultado', ok: 'entregado', failed: 'falló: {error}',
  },
  en: {
    title: 'Settings', webhook: 'Creditor webhook', url: 'Webhook URL (https://…)', secret: 'Signing secret (at least 16 characters)',
    secretSet: 'A secret is saved; leave this empty to keep it.', enabled: 'Send events', save: 'Save webhook', saved: 'Webhook saved.',
    test: 'Send a test event', tested: 'Test event queued: it shows below within seconds.', deliveries: 'Recent deliveries',
    retry: 'Retry the failed ones', retried: '{n} events are tried again.', none: 'No deliveries yet.',
    at: 'When', type: 'Event', attempt: 'Attempt', status: 'HTTP', result: 'Result', ok: 'delivered', failed: 'failed: {error}',
  },
});

export function SettingsScreen({ session }) {
  const { locale } = session;
  return (
    <>
      <h1>{t(locale, 'title')}</h1>
      <WebhookPanel session={session} />
      <PlanBoundsPanel session={session} />
    </>
  );
}

function WebhookPanel({ session }) {
  const { api, locale } = session;
  const settings = useLoad(() => api.get('/api/webhooks/settings'), []);
  const deliveries = useLoad(() => api.get('/api/webhooks/deliveries?limit=20'), []);
  const [form, setFormState] = useState({ url: '', secret: '', enabled: true });
  // Edited by hand: settings that load (or reload) later must not overwrite what the operator is typing.
  const [edited, setEdited] = useState(false);
  const setForm = (next) => { setEdited(true); setFormState(next); };
  const [notice, setNotice] = useState('');
  const [error, setError] = useState(null);
  useEffect(() => {
    if (settings.data && !edited) setFormState({ url: settings.data.url || '', secret: '', enabled: settings.data.enabled !== false });
  }, [settings.data, edited]);
  useInterval(deliveries.reload, 3000);
  const act = async (call, message, saves = false) => {
    setError(null);
    setNotice('');
    try {
      const answer = await call();
      setNotice(typeof message === 'function' ? message(answer) : message);
      if (saves) setEdited(false); // saved: the form shows what the server now holds
      settings.reload();
      deliveries.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="ops-card" aria-labelledby="webhook-title">
      <h2 id="webhook-title">{t(locale, 'webhook')}</h2>
      <form className="ops-form" onSubmit={(e) => {
        e.preventDefault();
        act(() => api.put('/api/webhooks/settings', { url: form.url.trim(), secret: form.secret || undefined, enabled: form.enabled }), t(locale, 'saved'), true);
      }}>
        <label>{t(locale, 'url')}<input type="url" value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} required /></label>
        <label>{t(locale, 'secret')}<input type="password" autoComplete="new-password" value={form.secret}
          onChange={(e) => setForm({ ...form, secret: e.target.value })} /></label>
        {settings.data && settings.data.secretSet && <p className="muted">{t(locale, 'secretSet')}</p>}
        <label className="inline"><input type="checkbox" checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.target.checked })} />{t(locale, 'enabled')}</label>
        <div className="ops-row">
          <button type="submit" className="primary">{t(locale, 'save')}</button>
          <button type="button" onClick={() => act(() => api.post('/api/webhooks/test', {}), t(locale, 'tested'))}>{t(locale, 'test')}</button>
        </div>
      </form>
      {notice && <p role="status" className="notice">{notice}</p>}
      <Problem error={error || settings.error} />
      <h3>{t(locale, 'deliveries')}</h3>
      <button type="button" onClick={() => act(() => api.post('/api/webhooks/retry-failed', {}), (a) => t(locale, 'retried', { n: a.requeued }))}>
        {t(locale, 'retry')}</button>
      {(deliveries.data || []).length === 0 ? <p className="muted">{t(locale, 'none')}</p> : (
        <table data-testid="deliveries">
          <thead><tr><th>{t(locale, 'at')}</th><th>{t(locale, 'type')}</th><th>{t(locale, 'attempt')}</th><th>{t(locale, 'status')}</th><th>{t(locale, 'result')}</th></tr></thead>
          <tbody>
            {deliveries.data.map((d, i) => (
              <tr key={`${d.eventId}-${d.attempt}-${i}`} data-type={d.type} data-ok={String(Boolean(d.ok))}>
                <td>{when(d.at, locale)}</td><td>{d.type}</td><td>{d.attempt}</td><td>{d.status ?? '—'}</td>
                <td>{d.ok ? t(locale, 'ok') : t(locale, 'failed', { error: d.error || d.status })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
