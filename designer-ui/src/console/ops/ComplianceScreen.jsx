// /console/compliance (ADMIN edits, SUPERVISOR reads): contact policies per country — hours per day, holidays,
// caps, and the law they follow — and the contact audit with filters and CSV export.
import { useEffect, useState } from 'react';
import { translator } from '../../i18n.js';
import { hasRole } from '../../shared/staffApi.js';
import { Problem, useLoad } from './common.jsx';
import { DAYS, formOf, policyOf } from './policyForm.js';
import { AuditPanel } from './AuditPanel.jsx';

const t = translator({
  es: {
    title: 'Cumplimiento', policies: 'Políticas de contacto por país', country: 'País', addCountry: 'Otro país (código ISO)',
    add: 'Añadir país', zone: 'Zona horaria por defecto', law: 'Norma que se aplica', hours: 'Horario por día (hora local del deudor)',
    from: 'desde', to: 'hasta', allowed: 'Se puede contactar el {day}', skipHolidays: 'No contactar en festivos nacionales',
    maxPerDay: 'Contactos máximos por día (0 = sin límite)', maxPerWeek: 'Contactos máximos por semana (0 = sin límite)',
    oneChannel: 'Un solo canal por semana', save: 'Guardar política', saved: 'Política de {country} guardada.',
    reset: 'Volver a la política incluida', readOnly: 'Solo un administrador puede cambiar las políticas.',
    holidays: 'Festivos de {year}', noHolidays: 'Sin calendario de festivos para este país.',
    MONDAY: 'lunes', TUESDAY: 'martes', WEDNESDAY: 'miércoles', THURSDAY: 'jueves', FRIDAY: 'viernes', SATURDAY: 'sábado', SUNDAY: 'domingo',
  },
  en: {
    title: 'Compliance', policies: 'Contact policies per country', country: 'Country', addCountry: 'Another country (ISO code)',
    add: 'Add country', zone: 'Default time zone', law: 'Law it follows', hours: "Hours per day (the debtor's local time)",
    from: 'from', to: 'to', allowed: 'Contact allowed on {day}', skipHolidays: 'No contact on public holidays',
    maxPerDay: 'Most contacts per day (0 = no cap)', maxPerWeek: 'Most contacts per week (0 = no cap)',
    oneChannel: 'One channel per week', save: 'Save policy', saved: 'Policy of {country} saved.',
    reset: 'Back to the shipped policy', readOnly: 'Only an admin can change the policies.',
    holidays: 'Holidays in {year}', noHolidays: 'No holiday calendar for this country.',
    MONDAY: 'Monday', TUESDAY: 'Tuesday', WEDNESDAY: 'Wednesday', THURSDAY: 'Thursday', FRIDAY: 'Friday', SATURDAY: 'Saturday', SUNDAY: 'Sunday',
  },
});

export function ComplianceScreen({ session }) {
  const { api, locale } = session;
  const policies = useLoad(() => api.get('/api/compliance/policies'), []);
  const [country, setCountry] = useState('');
  const [other, setOther] = useState('');
  const list = policies.data || [];
  const selected = country || (list.find((p) => p.country === 'CO') || list[0] || {}).country || '';
  return (
    <>
      <h1>{t(locale, 'title')}</h1>
      <section className="ops-card" aria-labelledby="policies-title">
        <h2 id="policies-title">{t(locale, 'policies')}</h2>
        <Problem error={policies.error} />
        <div className="ops-row">
          <label>{t(locale, 'country')}
            <select value={selected} onChange={(e) => setCountry(e.target.value)}>
              {list.map((p) => <option key={p.country} value={p.country}>{p.country}</option>)}
              {country && !list.some((p) => p.country === country) && <option value={country}>{country}</option>}
            </select>
          </label>
          <form className="ops-row" onSubmit={(e) => {
            e.preventDefault();
            if (/^[A-Za-z]{2}$/.test(other.trim())) setCountry(other.trim().toUpperCase());
            setOther('');
          }}>
            <label>{t(locale, 'addCountry')}<input value={other} onChange={(e) => setOther(e.target.value)} maxLength={2} size={3} /></label>
            <button type="submit">{t(locale, 'add')}</button>
          </form>
        </div>
        {selected && <PolicyEditor key={selected} session={session} country={selected} onSaved={policies.reload} />}
      </section>
      <AuditPanel session={session} />
    </>
  );
}

function PolicyEditor({ session, country, onSaved }) {
  const { api, locale, user } = session;
  const admin = hasRole(user, 'ADMIN');
  const path = `/api/compliance/policies/${country}`;
  const policy = useLoad(() => api.get(path), [country]);
  const year = new Date().getFullYear();
  const holidays = useLoad(() => api.get(`/api/compliance/holidays?country=${country}&year=${year}`), [country]);
  const [form, setForm] = useState(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState(null);
  useEffect(() => {
    if (policy.data) setForm(formOf(policy.data));
  }, [policy.data]);
  if (!form) return <Problem error={policy.error} />;
  const setDay = (day, patch) => setForm({ ...form, hours: { ...form.hours, [day]: { ...form.hours[day], ...patch } } });
  const act = async (call) => {
    setError(null);
    setNotice('');
    try {
      setForm(formOf(await call()));
      setNotice(t(locale, 'saved', { country }));
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="ops-form" data-testid="policy" data-country={country} onSubmit={(e) => {
      e.preventDefault();
      act(() => api.put(path, policyOf(form)));
    }}>
      {!admin && <p className="muted">{t(locale, 'readOnly')}</p>}
      <fieldset disabled={!admin} className="ops-plain">
        <label>{t(locale, 'law')}<input value={form.source} onChange={(e) => setForm({ ...form, source: e.target.value })} /></label>
        <label>{t(locale, 'zone')}<input value={form.zone} onChange={(e) => setForm({ ...form, zone: e.target.value })} /></label>
        <table className="ops-hours">
          <caption>{t(locale, 'hours')}</caption>
          <tbody>
            {DAYS.map((day) => (
              <tr key={day} data-day={day}>
                <td><label className="inline"><input type="checkbox" checked={form.hours[day].on}
                  onChange={(e) => setDay(day, { on: e.target.checked })} aria-label={t(locale, 'allowed', { day: t(locale, day) })} />{t(locale, day)}</label></td>
                <td><label className="inline">{t(locale, 'from')}<input type="time" value={form.hours[day].from} disabled={!form.hours[day].on}
                  aria-label={`${t(locale, day)} ${t(locale, 'from')}`} onChange={(e) => setDay(day, { from: e.target.value })} /></label></td>
                <td><label className="inline">{t(locale, 'to')}<input type="time" value={form.hours[day].to} disabled={!form.hours[day].on}
                  aria-label={`${t(locale, day)} ${t(locale, 'to')}`} onChange={(e) => setDay(day, { to: e.target.value })} /></label></td>
              </tr>
            ))}
          </tbody>
        </table>
        <label className="inline"><input type="checkbox" checked={form.skipHolidays} onChange={(e) => setForm({ ...form, skipHolidays: e.target.checked })} />{t(locale, 'skipHolidays')}</label>
        <label className="inline"><input type="checkbox" checked={form.oneChannelPerWeek} onChange={(e) => setForm({ ...form, oneChannelPerWeek: e.target.checked })} />{t(locale, 'oneChannel')}</label>
        <div className="ops-grid">
          <label>{t(locale, 'maxPerDay')}<input type="number" min="0" max="100" value={form.maxPerDay} onChange={(e) => setForm({ ...form, maxPerDay: e.target.value })} /></label>
          <label>{t(locale, 'maxPerWeek')}<input type="number" min="0" max="700" value={form.maxPerWeek} onChange={(e) => setForm({ ...form, maxPerWeek: e.target.value })} /></label>
        </div>
        <div className="ops-row">
          <button type="submit" className="primary">{t(locale, 'save')}</button>
          <button type="button" onClick={() => act(() => api.delete(path))}>{t(locale, 'reset')}</button>
        </div>
      </fieldset>
      {notice && <p role="status" className="notice">{notice}</p>}
      <Problem error={error} />
      <details>
        <summary>{t(locale, 'holidays', { year })}</summary>
        {holidays.data && holidays.data.holidays.length > 0
          ? <p>{holidays.data.holidays.join(', ')}</p> : <p className="muted">{t(locale, 'noHolidays')}</p>}
      </details>
    </form>
  );
}
