import { describe, expect, it } from 'vitest';
import {
  activeOptionsSeq,
  addLocalReplies,
  addOwnMessage,
  addServerEntries,
  contentKey,
  emptyTranscript,
} from './transcript.js';

const menu = { type: 'options', text: '¿Qué deseas hacer?', options: [{ id: 'pay_now', title: 'Pagar ahora' }] };

describe('webchat transcript merging', () => {
  it('shows a reply once when the push arrives after the POST answer', () => {
    let state = addOwnMessage(emptyTranscript(), '1234');
    state = addLocalReplies(state, [{ type: 'text', text: 'Gracias' }, menu]);
    state = addServerEntries(state, [{ from: 'bot', type: 'text', text: 'Gracias', at: '2026-11-23T10:00:00Z' }]);
    state = addServerEntries(state, [{ from: 'bot', ...menu, at: '2026-11-23T10:00:01Z' }]);
    expect(state.items.map((i) => i.text)).toEqual(['1234', 'Gracias', '¿Qué deseas hacer?']);
  });

  it('shows a reply once when the push arrives before the POST answer', () => {
    let state = addOwnMessage(emptyTranscript(), 'hola');
    state = addServerEntries(state, [{ from: 'bot', type: 'text', text: 'Hola Ana', at: '2026-11-23T10:00:00Z' }]);
    state = addLocalReplies(state, [{ type: 'text', text: 'Hola Ana' }]);
    expect(state.items.map((i) => i.text)).toEqual(['hola', 'Hola Ana']);
  });

  it('keeps a repeated question that the bot really asked twice', () => {
    let state = addOwnMessage(emptyTranscript(), 'abc');
    state = addLocalReplies(state, [{ type: 'text', text: 'Escribe 4 dígitos' }]);
    state = addServerEntries(state, [{ from: 'bot', type: 'text', text: 'Escribe 4 dígitos', at: 't1' }]);
    state = addOwnMessage(state, 'xyz');
    state = addLocalReplies(state, [{ type: 'text', text: 'Escribe 4 dígitos' }]);
    state = addServerEntries(state, [{ from: 'bot', type: 'text', text: 'Escribe 4 dígitos', at: 't2' }]);
    expect(state.items.map((i) => i.text)).toEqual(['abc', 'Escribe 4 dígitos', 'xyz', 'Escribe 4 dígitos']);
  });

  it('ignores a transcript reload that repeats what is already shown', () => {
    const history = [
      { from: 'bot', type: 'text', text: 'Hola', at: 't1' },
      { from: 'debtor', type: 'text', text: '1234', at: 't2' },
    ];
    let state = addServerEntries(emptyTranscript(), history, 'history');
    state = addServerEntries(state, history, 'history');
    state = addServerEntries(state, [{ from: 'agent', type: 'text', text: 'Soy Laura', at: 't3' }]);
    expect(state.items.map((i) => `${i.from}:${i.text}`)).toEqual(['bot:Hola', 'debtor:1234', 'agent:Soy Laura']);
  });

  it('offers only the latest menu and none after the debtor answered', () => {
    let state = addLocalReplies(emptyTranscript(), [menu]);
    expect(activeOptionsSeq(state)).toBe(state.items[0].seq);
    state = addOwnMessage(state, 'Pagar ahora');
    expect(activeOptionsSeq(state)).toBeNull();
  });

  it('distinguishes messages by author and options', () => {
    expect(contentKey({ from: 'bot', type: 'text', text: 'Hola' })).not.toBe(contentKey({ from: 'agent', type: 'text', text: 'Hola' }));
    expect(contentKey(menu)).toContain('pay_now');
  });

  it('keeps a media message\'s file and merges its live push once', () => {
    const media = { type: 'media', text: 'Tu estado de cuenta', media: { type: 'document', url: '/files/a.pdf', filename: 'a.pdf' } };
    let state = addLocalReplies(emptyTranscript(), [media]);
    state = addServerEntries(state, [{ from: 'bot', ...media, at: '2026-11-23T10:00:00Z' }]);
    expect(state.items).toHaveLength(1);
    expect(state.items[0].media).toEqual(media.media);
  });
});
