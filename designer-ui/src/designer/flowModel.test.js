import { describe, expect, it } from 'vitest';
import {
  addMenuOption, addStep, connect, deleteStep, diffSteps, duplicateStep, freeStepId, newStep, parseFlow, renameStep,
  setStepField, stepLine, stringify, toGraph,
} from './flowModel.js';

const SOURCE = `# a designer comment that must survive
id: demo
title: Demo
locales: [es, en]
entry: menu
steps:
  menu:
    type: menu
    text: {es: "¿Qué deseas?", en: "What do you want?"}
    options:
      - id: pay
        title: {es: "Pagar", en: "Pay"}
        next: pay_end # trailing comment
    intents:
      ask_balance: balance
  balance:
    type: condition
    branches:
      - when: "debt.daysPastDue > 30"
        next: pay_end
    otherwise: menu
  pay_end:
    type: end
    disposition: PAID
`;

describe('toGraph', () => {
  it('turns steps into typed nodes and transitions into labelled edges', () => {
    const { flow } = parseFlow(SOURCE);
    const graph = toGraph(flow, 'en');
    expect(graph.nodes.map((n) => [n.id, n.type, n.entry])).toEqual([
      ['menu', 'menu', true], ['balance', 'condition', false], ['pay_end', 'end', false]]);
    expect(graph.nodes[0].label).toBe('What do you want?');
    expect(graph.edges.map((e) => [e.source, e.target, e.label, e.kind])).toEqual([
      ['menu', 'pay_end', 'Pagar', 'option'],
      ['menu', 'balance', '#ask_balance', 'intent'],
      ['balance', 'pay_end', 'debt.daysPastDue > 30', 'condition'],
      ['balance', 'menu', 'otherwise', 'condition'],
    ]);
  });

  it('marks edges to missing steps as dangling', () => {
    const { flow } = parseFlow(SOURCE.replace('otherwise: menu', 'otherwise: nowhere'));
    expect(toGraph(flow).edges.find((e) => e.event === 'otherwise').dangling).toBe(true);
  });
});

describe('graph edits keep the YAML', () => {
  it('adds a menu option with a new step, keeping comments and order', () => {
    const { doc, flow } = parseFlow(SOURCE);
    const id = freeStepId(flow, 'callback');
    addStep(doc, id, newStep(doc, 'message', 'pay_end'));
    addMenuOption(doc, 'menu', { id: 'call_me', title: { es: 'Llámenme', en: 'Call me' }, next: id });
    const text = stringify(doc);
    expect(text).toContain('# a designer comment that must survive');
    expect(text).toContain('next: pay_end # trailing comment');
    const again = parseFlow(text).flow;
    expect(Object.keys(again.steps)).toEqual(['menu', 'balance', 'pay_end', 'callback']);
    expect(again.steps.menu.options.map((o) => o.id)).toEqual(['pay', 'call_me']);
    expect(again.steps.menu.options[1]).toEqual({ id: 'call_me', title: { es: 'Llámenme', en: 'Call me' }, next: 'callback' });
    expect(again.steps.callback.text).toEqual({ es: 'Nuevo mensaje', en: 'New message' });
    expect(toGraph(again).edges.some((e) => e.source === 'menu' && e.target === 'callback')).toBe(true);
  });

  it('refuses duplicate ids and bad ids', () => {
    const { doc } = parseFlow(SOURCE);
    expect(() => addStep(doc, 'menu', { type: 'return' })).toThrow(/already exists/);
    expect(() => addStep(doc, 'bad id', { type: 'return' })).toThrow(/not a valid step id/);
    expect(() => addMenuOption(doc, 'menu', { id: 'pay', title: 'x', next: 'menu' })).toThrow(/already exists/);
  });

  it('connects transitions of every kind', () => {
    const { doc } = parseFlow(SOURCE);
    connect(doc, 'menu', 'option:pay', 'balance');
    connect(doc, 'menu', 'intent:ask_balance', 'pay_end');
    connect(doc, 'balance', 'branch:0', 'menu');
    connect(doc, 'balance', 'otherwise', 'pay_end');
    const flow = parseFlow(stringify(doc)).flow;
    expect(flow.steps.menu.options[0].next).toBe('balance');
    expect(flow.steps.menu.intents.ask_balance).toBe('pay_end');
    expect(flow.steps.balance.branches[0].next).toBe('menu');
    expect(flow.steps.balance.otherwise).toBe('pay_end');
  });

  it('deletes a step with the options and branches into it, leaving required targets for the validator', () => {
    const { doc } = parseFlow(SOURCE);
    deleteStep(doc, 'pay_end');
    const flow = parseFlow(stringify(doc)).flow;
    expect(flow.steps.pay_end).toBeUndefined();
    expect(flow.steps.menu.options).toEqual([]);
    expect(flow.steps.balance.branches).toEqual([]);
    deleteStep(doc, 'menu');
    expect(parseFlow(stringify(doc)).flow.steps.balance.otherwise).toBe('menu');
  });

  it('duplicates, renames (with references) and edits fields', () => {
    const { doc } = parseFlow(SOURCE);
    duplicateStep(doc, 'pay_end', 'pay_end_copy');
    renameStep(doc, 'menu', 'main_menu');
    setStepField(doc, 'pay_end_copy', ['disposition'], 'REFUSED');
    setStepField(doc, 'main_menu', ['text', 'en'], 'Pick one');
    const text = stringify(doc);
    const flow = parseFlow(text).flow;
    expect(flow.entry).toBe('main_menu');
    expect(flow.steps.balance.otherwise).toBe('main_menu');
    expect(flow.steps.pay_end_copy.disposition).toBe('REFUSED');
    expect(flow.steps.main_menu.text.en).toBe('Pick one');
    expect(Object.keys(flow.steps)).toEqual(['main_menu', 'balance', 'pay_end', 'pay_end_copy']);
    expect(text).toContain('# a designer comment that must survive');
    setStepField(doc, 'pay_end_copy', ['disposition'], '');
    expect(parseFlow(stringify(doc)).flow.steps.pay_end_copy.disposition).toBeUndefined();
  });
});

describe('helpers', () => {
  it('finds the line of a step', () => {
    expect(stepLine(SOURCE, 'balance')).toBe(16);
    expect(stepLine(SOURCE, 'missing')).toBeNull();
  });

  it('reports syntax errors without throwing', () => {
    const parsed = parseFlow('id: [broken');
    expect(parsed.flow).toBeNull();
    expect(parsed.errors.length).toBeGreaterThan(0);
  });

  it('diffs the steps of two versions', () => {
    const after = SOURCE.replace('disposition: PAID', 'disposition: REFUSED') + '  extra:\n    type: return\n';
    const before = SOURCE.replace(/  balance:[\s\S]*?otherwise: menu\n/, '');
    expect(diffSteps(before, after)).toEqual({ added: ['balance', 'extra'], removed: [], changed: ['pay_end'] });
  });
});

describe('shipped flows', () => {
  it('round-trip through the YAML document byte for byte, and an edit changes only its own lines', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const dir = new URL('../../../flow-definitions/src/main/resources/flows/', import.meta.url);
    const files = readdirSync(dir).filter((name) => name.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(5);
    for (const name of files) {
      const source = readFileSync(new URL(name, dir), 'utf8');
      expect(stringify(parseFlow(source).doc), name).toBe(source);
    }
    const early = readFileSync(new URL('early.yaml', dir), 'utf8');
    const { doc } = parseFlow(early);
    setStepField(doc, 'greeting', ['next'], 'balance');
    const before = early.split('\n');
    const after = stringify(doc).split('\n');
    expect(after.length).toBe(before.length);
    expect(before.filter((line, i) => line !== after[i])).toEqual(['    next: verify']);
  });
});
