// The segment part of the campaign builder: filters, and the live audience count with the block reasons the
// contact policy would give now (POST /api/campaigns/audience, re-asked shortly after each change).
import { useEffect, useState } from 'react';
import { translator } from '../../i18n.js';
import { Problem } from './common.jsx';

export const t = translator({
  es: {
    segment: 'Segmento', minDpd: 'Días de mora desde', maxDpd: 'Días de mora hasta', minBalance: 'Saldo desde',
    maxBalance: 'Saldo hasta', country: 'País (ISO, p. ej. CO)', product: 'Producto',
    holds: 'Deudores con retención (disputa, queja, revisión de pago, dificultad) excluidos',
    holdsNote: 'Siempre: la política de contacto los bloquea y no se puede omitir; aparecen abajo como «hold:…».',
    audience: 'Audiencia', audienceCount: '{n} deudores', allowedNow: '{n} se pueden contactar ahora', counting: 'Contando…',
    reasons: 'Bloqueados ahora, por motivo', reason: 'Motivo', count: 'Deudores',
    reason_no_consent: 'sin consentimiento', reason_opted_out: 'pidió la baja', reason_outside_contact_hours: 'fuera del horario',
    reason_frequency_cap: 'límite de frecuencia', reason_holiday: 'festivo', reason_paid: 'pagado', reason_wrong_party: 'persona equivocada',
  },
  en: {
    segment: 'Segment', minDpd: 'Days past due from', maxDpd: 'Days past due to', minBalance: 'Balance from',
    maxBalance: 'Balance to', country: 'Country (ISO, e.g. CO)', product: 'Product',
    holds: 'Debtors on hold (dispute, complaint, payment review, hardship) excluded',
    holdsNote: 'Always: the contact policy blocks them and cannot be skipped; they show below as "hold:…".',
    audience: 'Audience', audienceCount: '{n} debtors', allowedNow: '{n} can be contacted now', counting: 'Counting…',
    reasons: 'Blocked now, by reason', reason: 'Reason', count: 'Debtors',
    reason_no_consent: 'no consent', reason_opted_out: 'opted out', reason_outside_contact_hours: 'outside contact hours',
    reason_frequency_cap: 'frequency cap', reason_holiday: 'holiday', reason_paid: 'paid', reason_wrong_party: 'wrong party',
  },
});

export const reasonLabel = (locale, reason) => {
  const key = `reason_${reason}`;
  const text = t(locale, key);
  return text === key ? reason : text;
};

/** The segment JSON for the form's text fields (empty fields are left out). */
export function segmentOf(form) {
  const segment = {};
  const int = (v) => (v === '' ? undefined : Number.parseInt(v, 10));
  const num = (v) => (v === '' ? undefined : Number(v));
  if (form.minDpd !== '') segment.minDaysPastDue = int(form.minDpd);
  if (form.maxDpd !== '') segment.maxDaysPastDue = int(form.maxDpd);
  if (form.minBalance !== '') segment.minBalance = num(form.minBalance);
  if (form.maxBalance !== '') segment.maxBalance = num(form.maxBalance);
  if (form.country.trim()) segment.country = form.country.trim().toUpperCase();
  if (form.product.trim()) segment.product = form.product.trim();
  return segment;
}

export const EMPTY_SEGMENT = { minDpd: '', maxDpd: '', minBalance: '', maxBalance: '', country: '', product: '' };

export function SegmentBuilder({ session, form, setForm, channel }) {
  const { api, locale } = session;
  const [preview, setPreview] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const body = JSON.stringify({ segment: segmentOf(form), channel });
  useEffect(() => {
    let live = true;
    setBusy(true);
    const timer = setTimeout(() => {
      api.post('/api/campaigns/audience', JSON.parse(body))
        .then((answer) => live && (setPreview(answer), setError(null)))
        .catch((err) => live && setError(err))
        .finally(() => live && setBusy(false));
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [body]);
  const field = (key, type = 'number') => (
    <label>{t(locale, key)}<input type={type} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} /></label>
  );
  const blocked = preview ? Object.entries(preview.blockReasons || {}).filter(([, n]) => n > 0) : [];
  return (
    <fieldset className="ops-segment">
      <legend>{t(locale, 'segment')}</legend>
      <div className="ops-grid">
        {field('minDpd')}{field('maxDpd')}{field('minBalance')}{field('maxBalance')}
        {field('country', 'text')}{field('product', 'text')}
      </div>
      <label className="inline"><input type="checkbox" checked disabled readOnly />{t(locale, 'holds')}</label>
      <p className="muted">{t(locale, 'holdsNote')}</p>
      <div role="status" aria-live="polite" className="ops-audience" data-testid="audience"
        data-count={preview ? preview.audience : undefined} data-busy={busy ? 'true' : 'false'}>
        <strong>{t(locale, 'audience')}:</strong>{' '}
        {preview ? t(locale, 'audienceCount', { n: preview.audience }) : t(locale, 'counting')}
        {preview && <> · {t(locale, 'allowedNow', { n: preview.allowedNow })}</>}
      </div>
      <Problem error={error} />
      {blocked.length > 0 && (
        <table data-testid="audience-reasons">
          <caption>{t(locale, 'reasons')}</caption>
          <thead><tr><th>{t(locale, 'reason')}</th><th>{t(locale, 'count')}</th></tr></thead>
          <tbody>{blocked.map(([reason, n]) => <tr key={reason} data-reason={reason}><td>{reasonLabel(locale, reason)}</td><td>{n}</td></tr>)}</tbody>
        </table>
      )}
    </fieldset>
  );
}
