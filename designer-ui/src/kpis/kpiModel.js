// Pure helpers of the KPI dashboard: query string <-> filters, and the series each chart draws.

export const RATE_KEYS = ['contact', 'delivery', 'read', 'response', 'rightParty', 'containment', 'handoff', 'optOut', 'promiseKept'];

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/** Filters from a location.search string; the default range is the last 30 days. */
export function filtersFromSearch(search, now = new Date()) {
  const params = new URLSearchParams(search || '');
  const to = params.get('to') || isoDay(now);
  const from = params.get('from') || isoDay(new Date(now.getTime() - 30 * 86400000));
  return { from, to, campaignId: params.get('campaignId') || '', flowId: params.get('flowId') || '' };
}

/** The query string of filters (empty values left out), used for the API call and the page address. */
export function searchFromFilters(filters) {
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'campaignId', 'flowId']) {
    if (filters[key]) params.set(key, filters[key]);
  }
  return params.toString();
}

/** Rates as percentages (null stays null: "no data", not 0 %). */
export function rateSeries(kpis) {
  const rates = (kpis && kpis.rates) || {};
  return RATE_KEYS.map((key) => ({ key, value: rates[key] == null ? null : Math.round(rates[key] * 1000) / 10 }));
}

export function handoffSeries(kpis) {
  const reasons = (kpis && kpis.handoffReasons) || {};
  return Object.entries(reasons).map(([reason, count]) => ({ key: reason, value: count })).sort((a, b) => b.value - a.value);
}

export function promiseSeries(kpis) {
  const p = (kpis && kpis.promises) || {};
  return ['made', 'kept', 'broken', 'open'].map((key) => ({ key, value: p[key] || 0 }));
}

/** Steps of one flow's funnel, most conversations first. */
export function funnelSeries(kpis, flowId) {
  const rows = (kpis && kpis.funnel) || [];
  const row = rows.find((r) => r.flowId === flowId) || rows[0];
  if (!row) return { flowId: null, steps: [] };
  const steps = [...row.steps].sort((a, b) => b.conversations - a.conversations).map((s) => ({ key: s.step, value: s.conversations }));
  return { flowId: row.flowId, steps };
}

/** Sums per currency as "COP 1.250.000 · USD 20" in the UI locale. */
export function money(sums, locale) {
  const entries = Object.entries(sums || {});
  if (entries.length === 0) return '0';
  return entries
    .map(([currency, amount]) => `${currency} ${Number(amount).toLocaleString(locale === 'en' ? 'en-US' : 'es-CO')}`)
    .join(' · ');
}

/** Satisfaction as the card shows it: "82 % (41/50)" of the answers, or "—" before any answer. */
export function csatSummary(kpis) {
  const c = (kpis && kpis.csat) || {};
  if (!c.answered) return { text: '—', asked: c.asked || 0 };
  return { text: `${Math.round((c.positiveRate || 0) * 100)} % (${c.positive}/${c.answered})`, asked: c.asked || 0 };
}
