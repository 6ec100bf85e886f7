import { describe, expect, it } from 'vitest';
import { describeOutbound } from './outbound.js';

describe('simulator view of outbound Graph messages', () => {
  it('shows text, reply buttons, list rows and templates', () => {
    expect(describeOutbound({ to: '57300', type: 'text', text: { body: 'Hola' } })).toMatchObject({ text: 'Hola', options: [] });
    const buttons = describeOutbound({ recipient: 'CO.1', type: 'interactive', interactive: { type: 'button', body: { text: 'Elige' },
      action: { buttons: [{ type: 'reply', reply: { id: 'pay_now', title: 'Pagar' } }] } } });
    expect(buttons).toMatchObject({ to: 'CO.1', kind: 'button_reply', options: [{ id: 'pay_now', title: 'Pagar' }] });
    const list = describeOutbound({ to: '1', type: 'interactive', interactive: { type: 'list', body: { text: 'x' },
      action: { sections: [{ rows: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] }] } } });
    expect(list.options.map((o) => o.id)).toEqual(['a', 'b']);
    expect(describeOutbound({ to: '1', type: 'template', template: { name: 't', language: { code: 'es' } } }).text).toContain('plantilla t');
  });
});
