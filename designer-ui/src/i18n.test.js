import { describe, expect, it } from 'vitest';
import { pickLocale, t, translator } from './i18n.js';

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

describe('translator', () => {
  const tr = translator({ es: { hi: 'Hola {name}', only: 'solo' }, en: { hi: 'Hi {name}' } });
  it('fills placeholders and falls back to Spanish', () => {
    expect(tr('en', 'hi', { name: 'Ana' })).toBe('Hi Ana');
    expect(tr('en', 'only')).toBe('solo');
    expect(tr('es', 'hi', {})).toBe('Hola {name}');
  });
});
