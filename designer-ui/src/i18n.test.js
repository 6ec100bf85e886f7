import { describe, expect, it } from 'vitest';
import { pickLocale, t } from './i18n.js';

describe('i18n', () => {
  it('falls back to Spanish for unknown languages', () => {
    expect(pickLocale('pt-BR')).toBe('es');
    expect(pickLocale('en-US')).toBe('en');
  });
  it('translates known keys and returns the key otherwise', () => {
    expect(t('en', 'title')).toBe('Cobra — console');
    expect(t('es', 'nope')).toBe('nope');
  });
});
