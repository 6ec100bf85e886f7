import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.js';
import { pickChatLocale, chatText, conversationLanguage } from './messages.js';

describe('message text rendering', () => {
  it('turns http links into link parts and leaves trailing punctuation as text', () => {
    expect(linkify('Paga aquí: https://pay.example/l/abc123. Gracias')).toEqual([
      { type: 'text', value: 'Paga aquí: ' },
      { type: 'link', value: 'https://pay.example/l/abc123' },
      { type: 'text', value: '. Gracias' },
    ]);
  });

  it('never makes a link of markup or of other schemes', () => {
    const parts = linkify('<img src=x onerror=alert(1)> javascript:alert(1)');
    expect(parts).toEqual([{ type: 'text', value: '<img src=x onerror=alert(1)> javascript:alert(1)' }]);
  });
});

describe('webchat locale', () => {
  it('is Spanish unless English is asked for', () => {
    expect(pickChatLocale('', 'pt-BR')).toBe('es');
    expect(pickChatLocale('?lang=en', 'es-CO')).toBe('en');
    expect(pickChatLocale('', 'en-US')).toBe('en');
    expect(chatText('en', 'send')).toBe('Send');
    expect(chatText('es', 'send')).toBe('Enviar');
  });
});

describe('conversation language', () => {
  it('follows the locale the server reports for the conversation', () => {
    expect(conversationLanguage('es-CO')).toBe('es');
    expect(conversationLanguage('en')).toBe('en');
    expect(conversationLanguage('pt-BR')).toBe(null);
    expect(conversationLanguage(undefined)).toBe(null);
    expect(chatText(conversationLanguage('es-MX') || 'en', 'placeholder')).toBe('Escribe aquí…');
  });
});
