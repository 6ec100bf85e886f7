import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaVocabulary } from './schemaHints.js';
import { layout } from './layout.js';
import { parseFlow, toGraph } from './flowModel.js';

const schema = JSON.parse(readFileSync(new URL('../../../flow-definitions/src/main/resources/flow.schema.json', import.meta.url), 'utf8'));

describe('schema completion vocabulary', () => {
  it('has the flow and step keys and the enum values of the JSON Schema', () => {
    const { keys, values } = schemaVocabulary(schema);
    for (const key of ['id', 'entry', 'steps', 'globalRoutes', 'options', 'intents', 'onFail', 'branches', 'otherwise', 'queue']) {
      expect(keys.has(key), key).toBe(true);
    }
    expect(keys.get('onFail')).toMatch(/retries/);
    for (const value of ['menu', 'handoff', 'payment_link', 'PROMISE_TO_PAY', 'installments']) {
      expect(values, value).toContain(value);
    }
  });
});

describe('auto-layout', () => {
  it('places every step, top to bottom along transitions, and keeps hand-placed positions', () => {
    const early = readFileSync(new URL('../../../flow-definitions/src/main/resources/flows/early.yaml', import.meta.url), 'utf8');
    const graph = toGraph(parseFlow(early).flow);
    const positions = layout(graph);
    expect(Object.keys(positions).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(positions.verify.y).toBeGreaterThan(positions.greeting.y);
    expect(positions.main_menu.y).toBeGreaterThan(positions.balance.y);
    const kept = layout(graph, { greeting: { x: 5, y: 7 } });
    expect(kept.greeting).toEqual({ x: 5, y: 7 });
  });
});
