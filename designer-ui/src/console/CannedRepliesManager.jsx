import { useCallback, useEffect, useState } from 'react';
import { VARIABLES } from './cannedText.js';
import { t } from './strings.js';

const EMPTY = { id: null, title: '', text: '', locale: '' };

/** Supervisors write the canned replies agents insert (GET/POST/PUT/DELETE /api/agent/canned-replies). */
export function CannedRepliesManager({ session }) {
  const { api, locale } = session;
  const [replies, setReplies] = useState([]);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState('');

  const load = useCallback(() => api.get('/api/agent/canned-replies').then(setReplies).catch((e) => setError(e.message)), [api]);
  useEffect(() => {
    load();
  }, [load]);

  const save = async (event) => {
    event.preventDefault();
    setError('');
    const body = { title: form.title, text: form.text, locale: form.locale || null };
    try {
      if (form.id) await api.put(`/api/agent/canned-replies/${encodeURIComponent(form.id)}`, body);
      else await api.post('/api/agent/canned-replies', body);
      setForm(EMPTY);
      load();
    } catch (e) {
      setError(e.message);
    }
  };

  const remove = async (reply) => {
    if (!window.confirm(t(locale, 'confirmDelete', { title: reply.title }))) return;
    try {
      await api.delete(`/api/agent/canned-replies/${encodeURIComponent(reply.id)}`);
      load();
    } catch (e) {
      setError(e.message);
    }
  };

  return (
    <section aria-labelledby="canned-title" className="canned-manager">
      <h2 id="canned-title">{t(locale, 'cannedReplies')}</h2>
      <ul className="records" data-testid="canned-list">
        {replies.map((r) => (
          <li key={r.id}>
            <strong>{r.title}</strong>{r.locale ? ` (${r.locale})` : ''}: <span className="muted">{r.text}</span>{' '}
            <button type="button" onClick={() => setForm({ id: r.id, title: r.title, text: r.text, locale: r.locale || '' })}>{t(locale, 'edit')}</button>{' '}
            <button type="button" onClick={() => remove(r)}>{t(locale, 'delete')}</button>
          </li>
        ))}
      </ul>
      <form onSubmit={save} className="canned-form">
        <h3>{form.id ? t(locale, 'editReply') : t(locale, 'newReply')}</h3>
        <label>{t(locale, 'replyTitle')}
          <input value={form.title} maxLength={80} required onChange={(e) => setForm({ ...form, title: e.target.value })} />
        </label>
        <label>{t(locale, 'replyText')}
          <textarea rows={3} value={form.text} maxLength={4096} required onChange={(e) => setForm({ ...form, text: e.target.value })} />
        </label>
        <p className="muted">{t(locale, 'variablesHelp')} {VARIABLES.map((v) => `{${v}}`).join(' ')}</p>
        <label>{t(locale, 'replyLocale')}
          <select value={form.locale} onChange={(e) => setForm({ ...form, locale: e.target.value })}>
            <option value="">{t(locale, 'anyLanguage')}</option>
            <option value="es">Español</option>
            <option value="en">English</option>
          </select>
        </label>
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit" className="primary">{t(locale, 'save')}</button>
        {form.id && <button type="button" onClick={() => setForm(EMPTY)}>{t(locale, 'cancel')}</button>}
      </form>
    </section>
  );
}
