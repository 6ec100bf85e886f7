// A draft campaign's scheduled start (PUT/GET/DELETE /api/campaigns/{id}/schedule): the server starts it by
// itself at that time, through the same checks as the Start button.
import { useState } from 'react';
import { translator } from '../../i18n.js';
import { Problem, useLoad, when } from './common.jsx';

const t = translator({
  es: { title: 'Programar el inicio', at: 'Iniciar el (hora de este navegador)', schedule: 'Programar inicio',
    scheduled: 'Empieza sola el {at}.', unschedule: 'Quitar la programación', past: 'Elige una fecha futura.' },
  en: { title: 'Schedule the start', at: "Start on (this browser's time)", schedule: 'Schedule start',
    scheduled: 'Starts by itself on {at}.', unschedule: 'Unschedule', past: 'Choose a time in the future.' },
});

export function CampaignSchedule({ session, base, onChanged }) {
  const { api, locale } = session;
  const schedule = useLoad(() => api.get(`${base}/schedule`).catch((err) => (err.status === 404 ? null : Promise.reject(err))), [base]);
  const [at, setAt] = useState('');
  const [error, setError] = useState(null);
  const act = async (call) => {
    setError(null);
    try {
      await call();
      schedule.reload();
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="ops-card" aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t(locale, 'title')}</h2>
      {schedule.data ? (
        <div className="ops-row">
          <p role="status" data-testid="scheduled">{t(locale, 'scheduled', { at: when(schedule.data.startAt, locale) })}</p>
          <button type="button" onClick={() => act(() => api.delete(`${base}/schedule`))}>{t(locale, 'unschedule')}</button>
        </div>
      ) : (
        <form className="ops-row" onSubmit={(e) => {
          e.preventDefault();
          const startAt = new Date(at);
          if (Number.isNaN(startAt.getTime()) || startAt.getTime() <= Date.now()) {
            setError(new Error(t(locale, 'past')));
            return;
          }
          act(() => api.put(`${base}/schedule`, { startAt: startAt.toISOString() }));
        }}>
          <label>{t(locale, 'at')}<input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} required /></label>
          <button type="submit">{t(locale, 'schedule')}</button>
        </form>
      )}
      <Problem error={error || schedule.error} />
    </section>
  );
}
