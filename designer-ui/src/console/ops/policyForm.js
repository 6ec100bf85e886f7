// A country's contact policy (GET/PUT /api/compliance/policies/{country}) as an editable form and back.
export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

const hhmm = (time) => String(time || '').slice(0, 5);

export function formOf(policy) {
  const hours = {};
  for (const day of DAYS) {
    const w = policy.hours && policy.hours[day];
    hours[day] = w ? { on: true, from: hhmm(w.from), to: hhmm(w.to) } : { on: false, from: '08:00', to: '19:00' };
  }
  return {
    zone: policy.zone || 'UTC', hours, skipHolidays: Boolean(policy.skipHolidays), maxPerDay: String(policy.maxPerDay ?? 0),
    maxPerWeek: String(policy.maxPerWeek ?? 0), oneChannelPerWeek: Boolean(policy.oneChannelPerWeek), source: policy.source || '',
  };
}

export function policyOf(form) {
  const hours = {};
  for (const day of DAYS) {
    const h = form.hours[day];
    if (h.on) hours[day] = { from: h.from, to: h.to };
  }
  return {
    zone: form.zone.trim(), hours, skipHolidays: form.skipHolidays, maxPerDay: Number(form.maxPerDay || 0),
    maxPerWeek: Number(form.maxPerWeek || 0), oneChannelPerWeek: form.oneChannelPerWeek, source: form.source.trim() || null,
  };
}
