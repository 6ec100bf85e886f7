import { describe, expect, it } from 'vitest';
import { EMPTY_SEGMENT, segmentOf } from './SegmentBuilder.jsx';
import { describeSegment } from './CampaignPage.jsx';
import { formOf, policyOf } from './policyForm.js';

describe('segments', () => {
  it('sends only the filled filters, typed', () => {
    expect(segmentOf({ ...EMPTY_SEGMENT, maxDpd: '30', minBalance: '1000.5', country: ' co ' }))
      .toEqual({ maxDaysPastDue: 30, minBalance: 1000.5, country: 'CO' });
    expect(segmentOf(EMPTY_SEGMENT)).toEqual({});
  });
  it('reads back as a sentence', () => {
    expect(describeSegment({ minDaysPastDue: null, maxDaysPastDue: 30, country: 'CO', product: null }, 'en'))
      .toBe('days past due ≤ 30 · country CO');
    expect(describeSegment({}, 'es')).toBe('toda la cartera');
  });
});

describe('contact policy form', () => {
  it('round-trips hours, with absent days unticked', () => {
    const policy = { zone: 'America/Bogota', hours: { MONDAY: { from: '08:00:00', to: '19:00' } }, skipHolidays: true,
      maxPerDay: 1, maxPerWeek: 2, oneChannelPerWeek: true, source: 'Ley 2300 de 2023' };
    const form = formOf(policy);
    expect(form.hours.MONDAY).toEqual({ on: true, from: '08:00', to: '19:00' });
    expect(form.hours.SUNDAY.on).toBe(false);
    expect(policyOf(form)).toEqual({ ...policy, hours: { MONDAY: { from: '08:00', to: '19:00' } } });
  });
});
