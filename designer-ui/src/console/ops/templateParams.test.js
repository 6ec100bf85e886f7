import { describe, expect, it } from 'vitest';
import { placeholderCount, renderPreview, revealsDebt } from './templateParams.js';

describe('template parameters', () => {
  it('counts placeholders by the highest index', () => {
    expect(placeholderCount('Hola {{1}}, tu saldo {{3}} vence {{2}}')).toBe(3);
    expect(placeholderCount('Sin variables')).toBe(0);
  });
  it('fills the preview from the mapping and keeps unmapped placeholders', () => {
    const text = renderPreview('Hola {{1}}: {{2}}', ['debtor.firstName'], { 'debtor.firstName': 'Ana' });
    expect(text).toBe('Hola Ana: {{2}}');
  });
  it('knows which variables reveal the debt', () => {
    expect(revealsDebt('debt.balance')).toBe(true);
    expect(revealsDebt('account.outstanding')).toBe(true);
    expect(revealsDebt('debtor.firstName')).toBe(false);
  });
});
