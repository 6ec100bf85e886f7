import { describe, expect, it } from 'vitest';
import { csatSummary, filtersFromSearch, funnelSeries, handoffSeries, money, promiseSeries, rateSeries, searchFromFilters } from './kpiModel.js';

const kpis = {
  rates: { contact: 0.5, delivery: null, response: 0.3333 },
  handoffReasons: { complaint: 1, low_confidence: 3 },
  promises: { made: 4, kept: 1, broken: 2, open: 1 },
  funnel: [
    { flowId: 'early', steps: [{ step: 'early:main_menu', conversations: 1 }, { step: 'promise_to_pay:thanks', conversations: 3 }] },
    { flowId: 'mid', steps: [{ step: 'mid:greeting', conversations: 2 }] },
  ],
};

describe('kpi dashboard model', () => {
  it('summarises satisfaction as the positive share of the answers', () => {
    expect(csatSummary({ csat: { asked: 50, answered: 40, positive: 30, positiveRate: 0.75 } })).toEqual({ text: '75 % (30/40)', asked: 50 });
    expect(csatSummary({ csat: { asked: 3, answered: 0, positive: 0, positiveRate: 0.0 } }).text).toBe('—');
    expect(csatSummary({}).text).toBe('—');
  });

  it('reads filters from the address and writes back only the set ones', () => {
    const f = filtersFromSearch('?from=2026-11-01&to=2026-11-30&flowId=early', new Date('2026-12-01T00:00:00Z'));
    expect(f).toEqual({ from: '2026-11-01', to: '2026-11-30', campaignId: '', flowId: 'early' });
    expect(searchFromFilters(f)).toBe('from=2026-11-01&to=2026-11-30&flowId=early');
    expect(filtersFromSearch('', new Date('2026-12-01T00:00:00Z')).from).toBe('2026-11-01');
  });

  it('turns rates into percentages and keeps missing ones missing', () => {
    const series = rateSeries(kpis);
    expect(series.find((s) => s.key === 'contact').value).toBe(50);
    expect(series.find((s) => s.key === 'response').value).toBe(33.3);
    expect(series.find((s) => s.key === 'delivery').value).toBeNull();
    expect(series.find((s) => s.key === 'optOut').value).toBeNull();
  });

  it('orders handoff reasons and funnel steps by count', () => {
    expect(handoffSeries(kpis).map((s) => s.key)).toEqual(['low_confidence', 'complaint']);
    expect(funnelSeries(kpis, 'early').steps[0]).toEqual({ key: 'promise_to_pay:thanks', value: 3 });
    expect(funnelSeries(kpis, 'nope').flowId).toBe('early');
    expect(funnelSeries({}, 'x').steps).toEqual([]);
    expect(promiseSeries(kpis).map((s) => s.value)).toEqual([4, 1, 2, 1]);
  });

  it('formats money per currency', () => {
    expect(money({ COP: '1250000' }, 'es')).toBe('COP 1.250.000');
    expect(money({}, 'es')).toBe('0');
  });
});
