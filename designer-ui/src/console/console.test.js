import { describe, expect, it } from 'vitest';
import { abilities, opsMenu, parseRoute, pathFor, resolveScreen } from './routes.js';
import { fillVariables, orderReplies, unknownPlaceholders, variablesFor } from './cannedText.js';
import { buildRelease, DISPOSITIONS, emptyReleaseForm, parseAmount } from './release.js';
import { neighbour, shortcutFor } from './shortcuts.js';
import { chatChanged, ownedBy } from './live.js';
import { formatMoney, formatWait, secondsSince } from './format.js';
import { t } from './strings.js';

const user = (...roles) => ({ username: 'u', roles });

describe('routes', () => {
  it('parses the console paths', () => {
    expect(parseRoute('/console/')).toEqual({ screen: 'home' });
    expect(parseRoute('/console')).toEqual({ screen: 'home' });
    expect(parseRoute('/console/supervisor')).toEqual({ screen: 'supervisor' });
    expect(parseRoute('/console/chats/c_1%2F2')).toEqual({ screen: 'chat', conversationId: 'c_1/2' });
    expect(parseRoute('/console/nope/x')).toEqual({ screen: 'unknown' });
  });
  it('builds paths that parse back', () => {
    const route = { screen: 'chat', conversationId: 'c_a b' };
    expect(parseRoute(pathFor(route))).toEqual(route);
    expect(pathFor({ screen: 'supervisor' })).toBe('/console/supervisor');
  });
  it('picks the default screen by role', () => {
    expect(resolveScreen({ screen: 'home' }, user('AGENT'))).toEqual({ screen: 'home' });
    expect(resolveScreen({ screen: 'home' }, user('SUPERVISOR'))).toEqual({ screen: 'supervisor' });
    expect(resolveScreen({ screen: 'home' }, user('ADMIN'))).toEqual({ screen: 'home' });
    expect(resolveScreen({ screen: 'supervisor' }, user('AGENT'))).toEqual({ screen: 'home' });
    expect(resolveScreen({ screen: 'supervisor' }, user('ADMIN'))).toEqual({ screen: 'supervisor' });
    expect(resolveScreen({ screen: 'home' }, user('DESIGNER'))).toEqual({ screen: 'designerOnly' });
    expect(abilities(user('ADMIN'))).toEqual({ agent: true, supervisor: true, designer: true, admin: true });
  });
  it('parses and guards the operations screens', () => {
    expect(parseRoute('/console/users')).toEqual({ screen: 'users' });
    expect(parseRoute('/console/users/lucia')).toEqual({ screen: 'user', username: 'lucia' });
    expect(parseRoute('/console/debtors/D-1%2F2')).toEqual({ screen: 'debtor', debtorId: 'D-1/2' });
    expect(pathFor({ screen: 'campaign', campaignId: 'c 1' })).toBe('/console/campaigns/c%201');
    expect(pathFor({ screen: 'portfolio' })).toBe('/console/portfolio');
    expect(resolveScreen({ screen: 'users' }, user('ADMIN'))).toEqual({ screen: 'users' });
    expect(resolveScreen({ screen: 'users' }, user('SUPERVISOR'))).toEqual({ screen: 'forbidden' });
    expect(resolveScreen({ screen: 'portfolio' }, user('SUPERVISOR'))).toEqual({ screen: 'portfolio' });
    expect(resolveScreen({ screen: 'portfolio' }, user('AGENT'))).toEqual({ screen: 'forbidden' });
    expect(opsMenu(user('SUPERVISOR'))).toEqual(['portfolio', 'campaigns', 'templates', 'compliance']);
    expect(opsMenu(user('AGENT'))).toEqual([]);
  });
});

describe('canned replies', () => {
  const context = {
    debtor: { firstName: 'Ana', name: 'Ana Pérez', locale: 'es-CO', totalBalance: 1250000, currency: 'COP', daysPastDue: 12,
      debts: [{ balance: 1250000, currency: 'COP', dueDate: '2026-11-17' }] },
  };
  it('fills the variables from the chat context', () => {
    const values = variablesFor(context, 'laura');
    expect(fillVariables('Hola {firstName}, soy {agent}. Debes {balance} {currency} ({daysPastDue} días).', values))
      .toBe('Hola Ana, soy laura. Debes 1.250.000 COP (12 días).');
  });
  it('keeps unknown placeholders visible and empties missing known values', () => {
    expect(fillVariables('{firstName} {foo}', variablesFor({}, ''))).toBe(' {foo}');
    expect(unknownPlaceholders('{firstName} {foo} {foo}')).toEqual(['foo']);
  });
  it('lists the replies of the UI language first', () => {
    const ordered = orderReplies([{ title: 'b', locale: 'en' }, { title: 'c' }, { title: 'a', locale: 'es' }], 'es');
    expect(ordered.map((r) => r.title)).toEqual(['a', 'c', 'b']);
  });
});

describe('release form', () => {
  it('hands back to the bot at a step, or where it left off', () => {
    expect(buildRelease({ ...emptyReleaseForm(), mode: 'bot', resumeStep: 'main_menu' })).toEqual({ ok: true, body: { resumeStep: 'main_menu' } });
    expect(buildRelease({ ...emptyReleaseForm(), mode: 'bot' })).toEqual({ ok: true, body: {} });
  });
  it('needs a known disposition to close', () => {
    expect(buildRelease(emptyReleaseForm())).toEqual({ ok: false, errors: { disposition: 'errDisposition' } });
    expect(buildRelease({ ...emptyReleaseForm(), disposition: 'REFUSED', note: ' no ' }))
      .toEqual({ ok: true, body: { close: true, disposition: 'REFUSED', note: 'no' } });
    expect(DISPOSITIONS).toHaveLength(12);
  });
  it('needs a date (not in the past) and an amount for a promise to pay', () => {
    const form = { ...emptyReleaseForm(), disposition: 'PROMISE_TO_PAY' };
    expect(buildRelease(form, '2026-11-29').errors).toEqual({ promiseDate: 'errPromiseDate', promiseAmount: 'errPromiseAmount' });
    expect(buildRelease({ ...form, promiseDate: '2026-11-28', promiseAmount: '10' }, '2026-11-29').errors)
      .toEqual({ promiseDate: 'errPromiseDatePast' });
    expect(buildRelease({ ...form, promiseDate: '2026-12-04', promiseAmount: '300.000' }, '2026-11-29'))
      .toEqual({ ok: true, body: { close: true, disposition: 'PROMISE_TO_PAY', promise: { date: '2026-12-04', amount: 300000 } } });
  });
  it('reads amounts written with thousands separators or decimals', () => {
    expect(parseAmount('1.250.000')).toBe('1250000');
    expect(parseAmount('1,250,000')).toBe('1250000');
    expect(parseAmount('99,5')).toBe('99.5');
    expect(parseAmount('0')).toBeNull();
    expect(parseAmount('abc')).toBeNull();
    expect(parseAmount('-5')).toBeNull();
  });
});

describe('shortcuts', () => {
  const key = (props) => ({ altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, key: '', code: '', ...props });
  it('maps Alt combinations and Ctrl+Enter', () => {
    expect(shortcutFor(key({ altKey: true, key: '¡', code: 'Digit1' }))).toEqual({ action: 'openChat', index: 0 });
    expect(shortcutFor(key({ altKey: true, key: 'ArrowDown' }))).toEqual({ action: 'nextChat', step: 1 });
    expect(shortcutFor(key({ altKey: true, key: 'ArrowUp' }))).toEqual({ action: 'nextChat', step: -1 });
    expect(shortcutFor(key({ altKey: true, key: 't', code: 'KeyT' }))).toEqual({ action: 'takeOldest' });
    expect(shortcutFor(key({ ctrlKey: true, key: 'Enter' }))).toEqual({ action: 'send' });
    expect(shortcutFor(key({ metaKey: true, key: 'Enter' }))).toEqual({ action: 'send' });
    expect(shortcutFor(key({ key: 'Enter' }))).toBeNull();
    expect(shortcutFor(key({ key: '1', code: 'Digit1' }))).toBeNull();
  });
  it('moves through my chats, wrapping around', () => {
    expect(neighbour(['a', 'b', 'c'], 'c', 1)).toBe('a');
    expect(neighbour(['a', 'b', 'c'], 'a', -1)).toBe('c');
    expect(neighbour(['a', 'b'], null, 1)).toBe('a');
    expect(neighbour([], 'a', 1)).toBeNull();
  });
});

describe('live stream', () => {
  const snap = (chats) => ({ waiting: [], chats });
  it('notices new messages, changes of hands and chats leaving the agents', () => {
    const a = snap([{ conversationId: 'c1', status: 'AGENT', agent: 'x', messageSeq: 3 }]);
    expect(chatChanged(a, snap([{ conversationId: 'c1', status: 'AGENT', agent: 'x', messageSeq: 4 }]), 'c1')).toBe(true);
    expect(chatChanged(a, snap([{ conversationId: 'c1', status: 'AGENT', agent: 'y', messageSeq: 3 }]), 'c1')).toBe(true);
    expect(chatChanged(a, snap([]), 'c1')).toBe(true);
    expect(chatChanged(a, snap([{ conversationId: 'c1', status: 'AGENT', agent: 'x', messageSeq: 3 }]), 'c1')).toBe(false);
    expect(chatChanged(a, a, 'c2')).toBe(false);
    expect(ownedBy(a, 'x')).toHaveLength(1);
    expect(ownedBy(a, 'y')).toHaveLength(0);
  });
});

describe('formatting', () => {
  it('formats money, waits and elapsed time', () => {
    expect(formatMoney(1250000, 'COP', 'es-CO')).toBe('1.250.000 COP');
    expect(formatWait(42)).toBe('42 s');
    expect(formatWait(185)).toBe('3 min 05 s');
    expect(formatWait(3720)).toBe('1 h 02 min');
    expect(secondsSince('2026-11-29T10:00:00Z', Date.parse('2026-11-29T10:01:30Z'))).toBe(90);
    expect(secondsSince('2026-11-29T10:00:00Z', Date.parse('2026-11-29T09:00:00Z'))).toBe(0);
  });
});

describe('strings', () => {
  it('has every Spanish key in English too', async () => {
    const { STRINGS } = await import('./strings.js');
    expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.es).sort());
    expect(t('en', 'take')).not.toBe(t('es', 'take'));
  });
});

describe('every text the screens use exists', () => {
  it('finds each literal t(locale, "key") of the .jsx files in the Spanish table', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { STRINGS } = await import('./strings.js');
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const missing = [];
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.jsx'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of source.matchAll(/t\(locale, (?:[\w.]+ \? )?'(\w+)'(?: : '(\w+)')?/g)) {
        [m[1], m[2]].filter(Boolean).forEach((key) => {
          if (!(key in STRINGS.es)) missing.push(`${file}: ${key}`);
        });
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the debtor panel account', () => {
  it('adds what is outstanding per currency, after payments', async () => {
    const { outstanding } = await import('./ContextPanel.jsx');
    expect(outstanding([{ currency: 'COP', balance: 1250000, outstanding: 833334 }, { currency: 'COP', outstanding: 100 },
      { currency: 'USD', outstanding: 5 }])).toEqual([['COP', 833434], ['USD', 5]]);
    expect(outstanding([])).toEqual([]);
  });
});
