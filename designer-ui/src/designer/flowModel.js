// Graph <-> YAML for the flow designer. The YAML text is the source of truth: the graph is derived from it,
// and every graph edit is applied to the `yaml` package's Document in place (setIn/addIn/deleteIn), so
// comments, key order and untouched formatting survive a round trip.
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

export const STEP_TYPES = ['message', 'menu', 'input', 'condition', 'action', 'handoff', 'subflow', 'return', 'end'];
export const ENTITY_TYPES = ['date', 'amount', 'installments', 'text', 'document'];
export const ACTIONS = ['payment_link', 'record_promise', 'record_plan_request', 'offer_plan', 'accept_plan', 'set_disposition', 'emit_event',
  'verify_identity', 'opt_out', 'flag_wrong_party', 'set_slot'];
export const DISPOSITIONS = ['PAID', 'PROMISE_TO_PAY', 'PAYMENT_PLAN', 'MORE_TIME_GRANTED', 'ALREADY_PAID_CLAIMED',
  'DISPUTE', 'COMPLAINT', 'HARDSHIP', 'WRONG_PARTY', 'OPTED_OUT', 'NO_RESPONSE', 'REFUSED'];
const STEP_ID = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Parses flow YAML; errors (syntax) are returned, never thrown. */
export function parseFlow(text) {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const errors = doc.errors.map((e) => ({ message: e.message, line: e.linePos ? e.linePos[0].line : null }));
  const flow = errors.length ? null : doc.toJS() || {};
  return { doc, flow, errors };
}

export function stringify(doc) {
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** A text (string or {locale: string}) in a locale, falling back to the first one. */
export function textIn(text, locale) {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? Object.values(text)[0] ?? '';
}

/** The transitions of a step as labelled edges: [{event, target, label, kind}]. */
export function transitions(step) {
  if (!step || typeof step !== 'object') return [];
  const out = [];
  const add = (event, target, label, kind) => {
    if (typeof target === 'string' && target) out.push({ event, target, label, kind });
  };
  switch (step.type) {
    case 'menu':
      (step.options || []).forEach((o, i) => add(`option:${o.id}`, o.next, textIn(o.title, 'es') || o.id, 'option'));
      Object.entries(step.intents || {}).forEach(([intent, target]) => add(`intent:${intent}`, target, `#${intent}`, 'intent'));
      break;
    case 'condition':
      (step.branches || []).forEach((b, i) => add(`branch:${i}`, b.next, b.when, 'condition'));
      add('otherwise', step.otherwise, 'otherwise', 'condition');
      break;
    case 'input':
      add('next', step.next, '', 'next');
      add('onFail', step.onFail, 'onFail', 'fail');
      break;
    default:
      add('next', step.next, '', 'next');
  }
  return out;
}

/** Nodes and edges for React Flow (positions come later from the layout). */
export function toGraph(flow, locale = 'es') {
  const steps = (flow && flow.steps) || {};
  const nodes = Object.entries(steps).map(([id, step]) => ({
    id,
    type: (step && step.type) || 'unknown',
    entry: flow.entry === id,
    label: stepLabel(step, locale) || id,
    flow: step && step.type === 'subflow' ? step.flow : null,
  }));
  const edges = [];
  for (const [id, step] of Object.entries(steps)) {
    for (const t of transitions(step)) {
      edges.push({ id: `${id}->${t.event}`, source: id, target: t.target, event: t.event, label: t.label, kind: t.kind,
        dangling: !(t.target in steps) });
    }
  }
  return { nodes, edges };
}

function stepLabel(step, locale) {
  if (!step) return '';
  switch (step.type) {
    case 'handoff': return `→ ${step.queue || ''}`;
    case 'subflow': return `↪ ${step.flow || ''}`;
    case 'action': return step.action || '';
    case 'condition': return (step.branches && step.branches[0] && step.branches[0].when) || '';
    case 'end': return step.disposition || textIn(step.text, locale);
    default: return textIn(step.text, locale);
  }
}

/** A step id not yet used in the flow, from a base such as "new_step". */
export function freeStepId(flow, base = 'step') {
  const steps = (flow && flow.steps) || {};
  const clean = base.replace(/[^A-Za-z0-9_]/g, '_').replace(/^[^A-Za-z_]/, 's_') || 'step';
  if (!(clean in steps)) return clean;
  for (let i = 2; ; i += 1) {
    if (!(`${clean}_${i}` in steps)) return `${clean}_${i}`;
  }
}

function locales(doc) {
  const value = doc.getIn(['locales']);
  const list = value && isSeq(value) ? value.toJSON() : ['es'];
  return list.length ? list : ['es'];
}

/** A new text node for every locale of the flow: {es: "...", en: "..."}. */
function localizedText(doc, texts) {
  const out = {};
  for (const locale of locales(doc)) out[locale] = texts[locale] ?? texts.es ?? Object.values(texts)[0] ?? '';
  return out;
}

/** Template of a new step of each type; targets default to `next` (which may be empty until connected). */
export function newStep(doc, type, next) {
  const text = localizedText(doc, { es: 'Nuevo mensaje', en: 'New message' });
  switch (type) {
    case 'message': return { type, text, ...(next ? { next } : {}) };
    case 'menu': return { type, text: localizedText(doc, { es: '¿Qué prefieres?', en: 'What do you prefer?' }), options: [] };
    case 'input': return { type, slot: 'value', entity: 'text', text, ...(next ? { next } : {}) };
    case 'condition': return { type, branches: [{ when: 'verified == true', next: next || '' }], otherwise: next || '' };
    case 'action': return { type, action: 'emit_event', params: { event: 'designer_event' }, ...(next ? { next } : {}) };
    case 'handoff': return { type, queue: 'general', reason: 'designer', text };
    case 'subflow': return { type, flow: 'verification', ...(next ? { next } : {}) };
    case 'return': return { type };
    case 'end': return { type, disposition: 'REFUSED', text };
    default: throw new Error(`unknown step type ${type}`);
  }
}

function assertStepId(id) {
  if (!STEP_ID.test(id)) throw new Error(`"${id}" is not a valid step id (letters, digits and _)`);
}

/** Adds a step at the end of `steps`. */
export function addStep(doc, id, step) {
  assertStepId(id);
  if (doc.hasIn(['steps', id])) throw new Error(`step "${id}" already exists`);
  doc.setIn(['steps', id], doc.createNode(step, { flow: false }));
  return doc;
}

/** Adds an option to a menu step pointing at `next`. */
export function addMenuOption(doc, stepId, { id, title, next }) {
  assertStepId(id);
  const options = doc.getIn(['steps', stepId, 'options']);
  const existing = options && isSeq(options) ? options.toJSON() : [];
  if (existing.some((o) => o && o.id === id)) throw new Error(`option "${id}" already exists`);
  const option = doc.createNode({ id, title: localizedText(doc, typeof title === 'string' ? { es: title } : title), next });
  option.flow = false;
  if (options && isSeq(options)) options.items.push(option);
  else doc.setIn(['steps', stepId, 'options'], doc.createNode([option]));
  return doc;
}

/** The YAML path of a transition's target, from the event names of transitions(). */
export function eventPath(doc, stepId, event) {
  if (event.startsWith('option:')) {
    const optionId = event.slice('option:'.length);
    const options = doc.getIn(['steps', stepId, 'options']);
    const index = options && isSeq(options) ? options.items.findIndex((o) => isMap(o) && o.get('id') === optionId) : -1;
    if (index < 0) throw new Error(`no option ${optionId} in ${stepId}`);
    return ['steps', stepId, 'options', index, 'next'];
  }
  if (event.startsWith('intent:')) return ['steps', stepId, 'intents', event.slice('intent:'.length)];
  if (event.startsWith('branch:')) return ['steps', stepId, 'branches', Number(event.slice('branch:'.length)), 'next'];
  return ['steps', stepId, event];
}

/** Points a transition of `stepId` at `target` (creating it when the step had none). */
export function connect(doc, stepId, event, target) {
  doc.setIn(eventPath(doc, stepId, event), target);
  return doc;
}

/** Removes a transition: an option or a branch disappears with it; `next` and the like are deleted. */
export function disconnect(doc, stepId, event) {
  const path = eventPath(doc, stepId, event);
  if (event.startsWith('option:') || event.startsWith('branch:')) doc.deleteIn(path.slice(0, -1));
  else doc.deleteIn(path);
  return doc;
}

/** Deletes a step and every transition into it (options and branches into it go too). */
export function deleteStep(doc, stepId) {
  const flow = doc.toJS();
  for (const [id, step] of Object.entries(flow.steps || {})) {
    if (id === stepId) continue;
    const into = transitions(step).filter((t) => t.target === stepId).map((t) => t.event);
    // delete from the last index so earlier indices stay valid
    into.sort((a, b) => (b.startsWith('branch:') && a.startsWith('branch:') ? Number(b.slice(7)) - Number(a.slice(7)) : 0));
    for (const event of into) {
      if (event === 'otherwise') continue; // required: left dangling for the validator to point out
      disconnect(doc, id, event);
    }
  }
  doc.deleteIn(['steps', stepId]);
  return doc;
}

/** Copies a step under a new id (its transitions still point where the original's did). */
export function duplicateStep(doc, stepId, newId) {
  const original = doc.getIn(['steps', stepId]);
  if (!original) throw new Error(`no step ${stepId}`);
  addStep(doc, newId, original.toJSON());
  return doc;
}

/** Sets a field of a step (path relative to the step); undefined or '' deletes it. */
export function setStepField(doc, stepId, path, value) {
  const full = ['steps', stepId, ...path];
  if (value === undefined || value === '' || value === null) doc.deleteIn(full);
  else doc.setIn(full, value);
  return doc;
}

/** Renames a step and every reference to it (transitions, entry, global routes). */
export function renameStep(doc, oldId, newId) {
  assertStepId(newId);
  if (doc.hasIn(['steps', newId])) throw new Error(`step "${newId}" already exists`);
  const flow = doc.toJS();
  for (const [id, step] of Object.entries(flow.steps || {})) {
    for (const t of transitions(step)) if (t.target === oldId) connect(doc, id, t.event, newId);
  }
  if (flow.entry === oldId) doc.setIn(['entry'], newId);
  for (const [intent, target] of Object.entries(flow.globalRoutes || {})) {
    if (target === oldId) doc.setIn(['globalRoutes', intent], newId);
  }
  const steps = doc.getIn(['steps']);
  const pair = steps.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === oldId);
  pair.key = doc.createNode(newId);
  return doc;
}

/** The 1-based line where a step's key is written, for pinning errors in the YAML view. */
export function stepLine(text, stepId) {
  const lines = text.split('\n');
  const re = new RegExp(`^\\s+${stepId.replace(/[^A-Za-z0-9_]/g, '')}\\s*:`);
  let inSteps = false;
  for (let i = 0; i < lines.length; i += 1) {
    if (/^steps\s*:/.test(lines[i])) inSteps = true;
    else if (inSteps && /^\S/.test(lines[i])) inSteps = false;
    else if (inSteps && re.test(lines[i])) return i + 1;
  }
  return null;
}

/** Steps added, removed and changed between two flow texts (for the version diff). */
export function diffSteps(beforeText, afterText) {
  const before = (parseFlow(beforeText).flow || {}).steps || {};
  const after = (parseFlow(afterText).flow || {}).steps || {};
  const added = Object.keys(after).filter((id) => !(id in before));
  const removed = Object.keys(before).filter((id) => !(id in after));
  const changed = Object.keys(after).filter((id) => id in before
    && JSON.stringify(after[id]) !== JSON.stringify(before[id]));
  return { added, removed, changed };
}

/** WhatsApp limits the inspector counts against. */
export const WHATSAPP_LIMITS = { body: 1024, button: 20, row: 24, rowDescription: 72, buttons: 3, rows: 10 };

