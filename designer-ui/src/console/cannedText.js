// Canned replies carry variables the console fills from the open chat before the agent sends them.
import { formatDate, formatMoney } from './format.js';

export const VARIABLES = ['firstName', 'name', 'balance', 'currency', 'dueDate', 'daysPastDue', 'agent'];

/** The values of the variables for a chat's context (see GET /api/agent/conversations/{id}/context). */
export function variablesFor(context, agent) {
  const debtor = (context && context.debtor) || {};
  const debt = (debtor.debts && debtor.debts[0]) || {};
  const locale = debtor.locale || 'es-CO';
  return {
    firstName: debtor.firstName || '',
    name: debtor.name || '',
    balance: debtor.totalBalance != null ? formatMoney(debtor.totalBalance, null, locale)
      : debt.balance != null ? formatMoney(debt.balance, null, locale) : '',
    currency: debtor.currency || debt.currency || '',
    dueDate: debt.dueDate ? formatDate(debt.dueDate, locale) : '',
    daysPastDue: debtor.daysPastDue != null ? String(debtor.daysPastDue) : '',
    agent: agent || '',
  };
}

/**
 * Fills {variable} placeholders. Known variables without a value become empty; unknown placeholders are kept
 * as written so the agent sees them before sending.
 */
export function fillVariables(text, values) {
  return String(text || '').replace(/\{(\w+)\}/g, (match, name) => {
    if (!VARIABLES.includes(name)) return match;
    const value = values[name];
    return value == null ? '' : String(value);
  });
}

/** Placeholders left in a text that the console could not fill. */
export function unknownPlaceholders(text) {
  const found = [];
  String(text || '').replace(/\{(\w+)\}/g, (m, name) => {
    if (!VARIABLES.includes(name) && !found.includes(name)) found.push(name);
    return m;
  });
  return found;
}

/** Replies for the agent's UI language first, then those for any language, then the rest. */
export function orderReplies(replies, locale) {
  const rank = (r) => (r.locale === locale ? 0 : r.locale ? 2 : 1);
  return [...(replies || [])].sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title));
}
