// The release form: hand the chat back to the bot at a step, or close it with a disposition (PRODUCT.md).
// PROMISE_TO_PAY needs a date and an amount, recorded exactly like a promise the bot records.

export const DISPOSITIONS = ['PAID', 'PROMISE_TO_PAY', 'PAYMENT_PLAN', 'MORE_TIME_GRANTED', 'ALREADY_PAID_CLAIMED',
  'DISPUTE', 'COMPLAINT', 'HARDSHIP', 'WRONG_PARTY', 'OPTED_OUT', 'NO_RESPONSE', 'REFUSED'];

export function emptyReleaseForm() {
  return { mode: 'close', resumeStep: '', disposition: '', note: '', promiseDate: '', promiseAmount: '' };
}

/** A positive amount written either 300000, 300.000, 300,000 or 300000.50; null when it is not one. */
export function parseAmount(text) {
  const raw = String(text || '').trim().replace(/\s/g, '');
  if (!raw) return null;
  let normalized = raw;
  if (/^\d{1,3}([.,]\d{3})+$/.test(raw)) normalized = raw.replace(/[.,]/g, '');
  else normalized = raw.replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normalized)) return null;
  const value = Number(normalized);
  return value > 0 ? normalized : null;
}

/**
 * Checks the form against today's date (yyyy-MM-dd) and builds the release body.
 * @returns {{ok: true, body: object} | {ok: false, errors: object}} errors by field, as message keys
 */
export function buildRelease(form, today) {
  const errors = {};
  if (form.mode === 'bot') {
    const body = {};
    if (form.resumeStep) body.resumeStep = form.resumeStep;
    if (form.note && form.note.trim()) body.note = form.note.trim();
    return { ok: true, body };
  }
  if (!DISPOSITIONS.includes(form.disposition)) errors.disposition = 'errDisposition';
  const body = { close: true, disposition: form.disposition };
  if (form.note && form.note.trim()) body.note = form.note.trim();
  if (form.disposition === 'PROMISE_TO_PAY') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.promiseDate || '')) errors.promiseDate = 'errPromiseDate';
    else if (today && form.promiseDate < today) errors.promiseDate = 'errPromiseDatePast';
    const amount = parseAmount(form.promiseAmount);
    if (amount === null) errors.promiseAmount = 'errPromiseAmount';
    body.promise = { date: form.promiseDate, amount: amount === null ? undefined : Number(amount) };
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, body };
}

/** Today's date in the browser's time zone as yyyy-MM-dd. */
export function todayIso(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
