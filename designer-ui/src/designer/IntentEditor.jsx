import { useEffect, useState } from 'react';
import { formatTime } from './FlowList.jsx';
import { t } from './strings.js';

/**
 * Intent examples (backend: NluTrainingController): examples per intent (shipped counts and the ones designers
 * added), add and delete, retrain with the held-out macro-F1 before and after, and switch the active model
 * (roll back).
 */
export function IntentEditor({ api, locale, canEdit }) {
  const [examples, setExamples] = useState(null);
  const [models, setModels] = useState(null);
  const [intent, setIntent] = useState('');
  const [text, setText] = useState('');
  const [status, setStatus] = useState({ kind: '', text: '' });
  const [training, setTraining] = useState(false);

  const reload = () => Promise.all([api.get('/api/nlu/examples'), api.get('/api/nlu/models')])
    .then(([e, m]) => {
      setExamples(e);
      setModels(m);
      if (!intent) setIntent(Object.keys(e.shippedTrainingPerIntent)[0] || '');
    })
    .catch((e) => setStatus({ kind: 'error', text: e.message }));
  useEffect(() => { reload(); }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const act = async (action, ok) => {
    try {
      const result = await action();
      if (ok) setStatus({ kind: 'ok', text: ok(result) });
      await reload();
    } catch (e) {
      setStatus({ kind: 'error', text: e.message });
    }
  };
  const add = (e) => {
    e.preventDefault();
    const value = text.trim();
    if (!value) return;
    act(() => api.post('/api/nlu/examples', { intent, text: value }), () => t(locale, 'exampleAdded'));
    setText('');
  };
  const retrain = async () => {
    setTraining(true);
    await act(() => api.post('/api/nlu/train'), (r) => t(locale, 'trained', {
      version: r.version, before: r.previousMacroF1.toFixed(3), after: r.macroF1.toFixed(3),
      activated: t(locale, r.activated ? 'yes' : 'no'),
    }));
    setTraining(false);
  };

  if (!examples || !models) return <p>{status.text || t(locale, 'loading')}</p>;
  const intents = Object.keys(examples.shippedTrainingPerIntent);
  const added = examples.added.filter((e) => e.intent === intent);
  return (
    <main className="intent-editor" data-testid="intent-editor">
      <div className="toolbar">
        <a href="#/" className="back">{t(locale, 'back')}</a>
        <h2>{t(locale, 'intentsTitle')}</h2>
        <span role="status" className={status.kind} data-testid="intent-status">{status.text}</span>
      </div>
      <div className="intent-body">
        <nav aria-label={t(locale, 'intentsTitle')}>
          <ul className="intent-list">
            {intents.map((name) => (
              <li key={name}>
                <button type="button" aria-pressed={name === intent} onClick={() => setIntent(name)} data-intent={name}>
                  {name} <span className="muted">{examples.shippedTrainingPerIntent[name]}
                    {' + '}{examples.added.filter((e) => e.intent === name).length}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <section>
          <h3><code>{intent}</code></h3>
          <p className="muted">{t(locale, 'shippedExamples', { count: examples.shippedTrainingPerIntent[intent] || 0 })}</p>
          {canEdit && (
            <form className="row" onSubmit={add}>
              <input aria-label={t(locale, 'newExample')} placeholder={t(locale, 'newExample')} value={text}
                maxLength={500} onChange={(e) => setText(e.target.value)} data-testid="example-text" />
              <button type="submit" disabled={!text.trim()}>{t(locale, 'add')}</button>
            </form>
          )}
          <ul className="examples" data-testid="examples">
            {added.map((e) => (
              <li key={e.id}>«{e.text}» <span className="muted">{e.addedBy} · {formatTime(locale, e.addedAt)}</span>{' '}
                {canEdit && <button type="button" onClick={() => act(() => api.delete(`/api/nlu/examples/${encodeURIComponent(e.id)}`))}>
                  {t(locale, 'delete')}</button>}
              </li>
            ))}
          </ul>
          <h3>{t(locale, 'models')}</h3>
          {canEdit && <button type="button" className="primary" onClick={retrain} disabled={training} data-testid="retrain">
            {training ? t(locale, 'training') : t(locale, 'retrain')}</button>}
          <table>
            <thead><tr><th>{t(locale, 'version')}</th><th>macro-F1</th><th>{t(locale, 'by')}</th><th /></tr></thead>
            <tbody>
              {models.versions.map((m) => (
                <tr key={m.version} data-model={m.version}>
                  <td>{m.packaged ? t(locale, 'packagedModel') : `v${m.version}`}{models.active === m.version && <span className="tag"> {t(locale, 'activeModel')}</span>}</td>
                  <td>{m.macroF1 != null ? m.macroF1.toFixed(3) : '—'}</td>
                  <td>{m.trainedBy || '—'}</td>
                  <td>{canEdit && models.active !== m.version && (
                    <button type="button" onClick={() => act(() => api.post(`/api/nlu/models/${m.version}/activate`),
                      () => t(locale, 'activated', { version: m.version }))}>{t(locale, 'activate')}</button>
                  )}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </main>
  );
}
