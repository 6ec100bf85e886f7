import { useState } from 'react';
import { buildRelease, DISPOSITIONS, emptyReleaseForm, todayIso } from './release.js';
import { t } from './strings.js';

/** Hand the chat back to the bot at a step, or close it with a disposition (and a promise for PROMISE_TO_PAY). */
export function ReleaseForm({ session, conversationId, context, refs, onReleased }) {
  const { api, locale } = session;
  const [form, setForm] = useState(emptyReleaseForm());
  const [errors, setErrors] = useState({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (field) => (e) => setForm({ ...form, [field]: e.target.value });

  const submit = async (event) => {
    event.preventDefault();
    const built = buildRelease(form, todayIso());
    setErrors(built.ok ? {} : built.errors);
    if (!built.ok) return;
    setBusy(true);
    setFailure('');
    try {
      const released = await api.post(`/api/agent/conversations/${encodeURIComponent(conversationId)}/release`, built.body);
      onReleased(released.status === 'CLOSED'
        ? t(locale, 'closedNotice', { disposition: t(locale, `disp_${released.disposition}`) })
        : t(locale, 'handedBackNotice'));
    } catch (e) {
      setFailure(e.message);
      setBusy(false);
    }
  };

  const error = (field) => errors[field] && <span className="error" role="alert">{t(locale, errors[field])}</span>;

  return (
    <form className="release" onSubmit={submit} aria-labelledby="release-title" data-testid="release-form" noValidate>
      <h3 id="release-title">{t(locale, 'releaseTitle')}</h3>
      <fieldset>
        <legend className="sr-only">{t(locale, 'releaseTitle')}</legend>
        <label className="inline">
          <input type="radio" name="mode" value="close" checked={form.mode === 'close'} onChange={set('mode')}
            ref={refs.release} data-testid="mode-close" />
          {t(locale, 'modeClose')}
        </label>
        <label className="inline">
          <input type="radio" name="mode" value="bot" checked={form.mode === 'bot'} onChange={set('mode')} data-testid="mode-bot" />
          {t(locale, 'modeBot')}
        </label>
      </fieldset>
      {form.mode === 'bot' ? (
        <label>
          {t(locale, 'resumeStep')}
          <select value={form.resumeStep} onChange={set('resumeStep')} data-testid="resume-step">
            <option value="">{t(locale, 'resumeWhereLeft')}</option>
            {(context.steps || []).map((s) => <option key={s.id} value={s.id}>{s.id} ({s.type})</option>)}
          </select>
        </label>
      ) : (
        <>
          <label>
            {t(locale, 'disposition')}
            <select value={form.disposition} onChange={set('disposition')} data-testid="disposition" aria-invalid={Boolean(errors.disposition)}>
              <option value="">{t(locale, 'dispositionPick')}</option>
              {DISPOSITIONS.map((d) => <option key={d} value={d}>{t(locale, `disp_${d}`)}</option>)}
            </select>
            {error('disposition')}
          </label>
          {form.disposition === 'PROMISE_TO_PAY' && (
            <div className="promise">
              <label>
                {t(locale, 'promiseDate')}
                <input type="date" value={form.promiseDate} min={todayIso()} onChange={set('promiseDate')}
                  data-testid="promise-date" aria-invalid={Boolean(errors.promiseDate)} />
                {error('promiseDate')}
              </label>
              <label>
                {t(locale, 'promiseAmount', { currency: (context.debtor && context.debtor.currency) || '' })}
                <input inputMode="decimal" value={form.promiseAmount} onChange={set('promiseAmount')}
                  data-testid="promise-amount" aria-invalid={Boolean(errors.promiseAmount)} />
                {error('promiseAmount')}
              </label>
            </div>
          )}
        </>
      )}
      <label>
        {t(locale, 'note')}
        <textarea rows={2} value={form.note} onChange={set('note')} maxLength={2000} data-testid="release-note" />
      </label>
      {failure && <p role="alert" className="error">{failure}</p>}
      <button type="submit" className="primary" disabled={busy} data-testid="release-submit">
        {form.mode === 'bot' ? t(locale, 'handBack') : t(locale, 'closeChat')}
      </button>
    </form>
  );
}
