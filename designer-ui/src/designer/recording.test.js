import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { quote, sessionToTest } from './recording.js';

describe('recording a simulator session as a conversation test', () => {
  it('cuts long replies at a word boundary', () => {
    expect(quote('Hola')).toBe('Hola');
    const long = 'Antes de continuar, y para proteger tu información, ¿me confirmas los últimos 4 dígitos?';
    expect(quote(long)).toBe('Antes de continuar, y para proteger tu información, ¿me');
  });

  it('writes the transcript format with turns, checks and expectations', () => {
    const yaml = sessionToTest({
      description: 'recorded',
      today: '2026-11-20',
      sample: { daysPastDue: 10, locale: 'es', channel: 'webchat' },
      turns: [
        { replies: [{ text: '¿Me confirmas los últimos 4 dígitos?' }], flow: 'verification', step: 'ask_document', status: 'BOT' },
        { say: '1234', replies: [{ text: 'Gracias' }, { text: '¿Cómo prefieres resolverlo?' }], flow: 'early', step: 'main_menu', status: 'BOT' },
        { option: 'questions', replies: [], flow: 'early', step: 'questions', status: 'WAITING_AGENT' },
      ],
    });
    const test = parse(yaml);
    expect(test.today).toBe('2026-11-20');
    expect(test.debtor).toEqual({ daysPastDue: 10, locale: 'es', channel: 'webchat' });
    expect(test.turns[0]).toEqual({ bot: { contains: ['¿Me confirmas los últimos 4 dígitos?'] },
      expect: { flow: 'verification', step: 'ask_document', status: 'BOT' } });
    expect(test.turns[1].say).toBe('1234');
    expect(test.turns[1].bot.contains).toEqual(['Gracias', '¿Cómo prefieres resolverlo?']);
    expect(test.turns[2]).toEqual({ option: 'questions', expect: { flow: 'early', step: 'questions', status: 'WAITING_AGENT' } });
  });
});
