// Formatting for the console: money in the debtor's locale, waiting times, dates, confidences.

export function formatMoney(amount, currency, locale = 'es-CO') {
  const number = Number(amount);
  if (!Number.isFinite(number)) return String(amount ?? '');
  const formatted = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(number);
  return currency ? `${formatted} ${currency}` : formatted;
}

/** A yyyy-MM-dd date as the locale writes it; other strings as they are. */
export function formatDate(isoDate, locale = 'es-CO') {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate || '');
  if (!m) return isoDate || '';
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function formatTime(instant, locale) {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
}

/** Seconds as "45 s", "3 min 05 s", "1 h 02 min". */
export function formatWait(seconds) {
  const s = Math.max(0, Math.floor(Number(seconds) || 0));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** Seconds since an instant, by the given clock (ms), never negative. */
export function secondsSince(instant, nowMs) {
  const at = new Date(instant).getTime();
  if (!instant || Number.isNaN(at)) return 0;
  return Math.max(0, Math.floor((nowMs - at) / 1000));
}

export function formatPercent(confidence) {
  const n = Number(confidence);
  return Number.isFinite(n) ? `${Math.round(n * 100)} %` : '';
}
