// /console/templates (ADMIN, SUPERVISOR): the WhatsApp template registry with status and source (manual, synced,
// shipped pack), sync of statuses from Meta, submitting the shipped template pack to Meta, and registering one by hand.
import { useState } from 'react';
import { translator } from '../../i18n.js';
import { Problem, useLoad, when } from './common.jsx';

const t = translator({
  es: {
    title: 'Plantillas de WhatsApp', sync: 'Sincronizar estados con Meta', synced: '{n} plantillas sincronizadas.',
    notConfigured: 'WhatsApp no está configurado (token y número): no se puede hablar con Meta.',
    submitPack: 'Enviar el paquete de plantillas a Meta', packSubmitted: '{n} plantillas del paquete enviadas a Meta para aprobación.',
    name: 'Nombre', language: 'Idioma', category: 'Categoría', status: 'Estado', source: 'Origen', body: 'Texto', updated: 'Actualizada',
    none: 'No hay plantillas registradas.', addTitle: 'Registrar una plantilla aprobada en Meta',
    add: 'Guardar plantilla', saved: 'Plantilla {name} guardada.',
  },
  en: {
    title: 'WhatsApp templates', sync: 'Sync statuses from Meta', synced: '{n} templates synced.',
    notConfigured: 'WhatsApp is not configured (token and number): Meta cannot be reached.',
    submitPack: 'Submit the template pack to Meta', packSubmitted: '{n} pack templates submitted to Meta for approval.',
    name: 'Name', language: 'Language', category: 'Category', status: 'Status', source: 'Source', body: 'Text', updated: 'Updated',
    none: 'No templates are registered.', addTitle: 'Register a template approved on Meta',
    add: 'Save template', saved: 'Template {name} saved.',
  },
});

const EMPTY = { name: '', language: 'es', category: 'UTILITY', status: 'APPROVED', body: '' };

export function TemplatesScreen({ session }) {
  const { api, locale } = session;
  const templates = useLoad(() => api.get('/api/whatsapp/templates'), []);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState(null);
  const [form, setForm] = useState(EMPTY);
  const act = async (call, message, fallbacks = {}) => {
    setError(null);
    setNotice('');
    try {
      const answer = await call();
      setNotice(typeof message === 'function' ? message(answer) : message);
      templates.reload();
    } catch (err) {
      if (fallbacks[err.status] || fallbacks[err.code]) setNotice(fallbacks[err.status] || fallbacks[err.code]);
      else setError(err);
    }
  };
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.value });
  return (
    <>
      <h1>{t(locale, 'title')}</h1>
      {notice && <p role="status" className="notice" data-testid="templates-notice">{notice}</p>}
      <Problem error={error} />
      <button type="button" onClick={() => act(() => api.post('/api/whatsapp/templates/sync', {}),
        (a) => t(locale, 'synced', { n: a.synced }), { not_configured: t(locale, 'notConfigured') })}>{t(locale, 'sync')}</button>
      <button type="button" onClick={() => act(() => api.post('/api/whatsapp/templates/pack/submit', {}),
        (a) => t(locale, 'packSubmitted', { n: (a.submitted || []).length }),
        { not_configured: t(locale, 'notConfigured') })}>{t(locale, 'submitPack')}</button>
      <section className="ops-card">
        {(templates.data || []).length === 0 && !templates.loading ? <p className="muted">{t(locale, 'none')}</p> : (
          <table data-testid="templates">
            <thead><tr><th>{t(locale, 'name')}</th><th>{t(locale, 'language')}</th><th>{t(locale, 'category')}</th>
              <th>{t(locale, 'status')}</th><th>{t(locale, 'source')}</th><th>{t(locale, 'body')}</th><th>{t(locale, 'updated')}</th></tr></thead>
            <tbody>
              {(templates.data || []).map((tpl) => (
                <tr key={`${tpl.name}|${tpl.language}`} data-template={tpl.name}>
                  <td>{tpl.name}</td><td>{tpl.language}</td><td>{tpl.category}</td>
                  <td><span className={`badge badge-${String(tpl.status).toLowerCase()}`}>{tpl.status}</span></td>
                  <td>{tpl.source}</td><td className="ops-body">{tpl.body}</td><td>{when(tpl.updatedAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <form className="ops-card ops-form" aria-labelledby="add-template-title" onSubmit={(e) => {
        e.preventDefault();
        act(() => api.put('/api/whatsapp/templates', form), t(locale, 'saved', { name: form.name })).then(() => setForm(EMPTY));
      }}>
        <h2 id="add-template-title">{t(locale, 'addTitle')}</h2>
        <div className="ops-grid">
          <label>{t(locale, 'name')}<input value={form.name} onChange={set('name')} required /></label>
          <label>{t(locale, 'language')}<input value={form.language} onChange={set('language')} required /></label>
          <label>{t(locale, 'category')}
            <select value={form.category} onChange={set('category')}>
              {['UTILITY', 'MARKETING', 'AUTHENTICATION'].map((c) => <option key={c}>{c}</option>)}
            </select>
          </label>
          <label>{t(locale, 'status')}
            <select value={form.status} onChange={set('status')}>
              {['APPROVED', 'PENDING', 'REJECTED', 'PAUSED'].map((c) => <option key={c}>{c}</option>)}
            </select>
          </label>
        </div>
        <label>{t(locale, 'body')}<textarea rows={3} value={form.body} onChange={set('body')} required /></label>
        <button type="submit">{t(locale, 'add')}</button>
      </form>
    </>
  );
}
