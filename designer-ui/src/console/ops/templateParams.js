// Campaign template parameters (CONTRACTS: "template":{"parameters":["debtor.firstName",...]}): the variables a
// {{n}} placeholder can take (the server's TemplateParameters.KNOWN), which of them reveal debt details (refused before verification), and the preview.

export const VARIABLES = [
  'debtor.firstName', 'debtor.name', 'today',
  'debt.product', 'debt.balance', 'debt.outstanding', 'debt.currency', 'debt.dueDate', 'debt.daysPastDue',
  'account.outstanding', 'creditor.name',
];

/** Debt, account and creditor variables may only go to a verified recipient (the server answers 400 otherwise). */
export function revealsDebt(variable) {
  return /^(debt|account|creditor)\./.test(variable || '');
}

/** How many {{n}} placeholders a template body has (the highest n). */
export function placeholderCount(body) {
  let max = 0;
  for (const m of String(body || '').matchAll(/\{\{(\d+)\}\}/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** Example values of the variables for one debtor (as GET /api/debtors shows it). */
export function sampleValues(debtor, formatMoney) {
  if (!debtor) return {};
  const debt = (debtor.debts || [])[0] || {};
  const outstanding = (debtor.debts || []).reduce((n, d) => n + Number(d.balance || 0), 0);
  return {
    'debtor.firstName': (debtor.name || '').split(/\s+/)[0],
    'debtor.name': debtor.name,
    today: new Date().toLocaleDateString(debtor.locale || undefined, { day: 'numeric', month: 'long', year: 'numeric' }),
    'debt.product': debt.product,
    'debt.balance': formatMoney(debt.balance, debt.currency, debtor.locale),
    'debt.outstanding': formatMoney(debt.balance, debt.currency, debtor.locale),
    'debt.currency': debt.currency,
    'debt.dueDate': debt.dueDate,
    'debt.daysPastDue': String(debt.daysPastDue ?? ''),
    'account.outstanding': formatMoney(outstanding, debt.currency, debtor.locale),
    'creditor.name': 'Cobra',
  };
}

/** The body with {{n}} replaced by the value of the n-th mapped variable (unmapped ones stay visible). */
export function renderPreview(body, parameters, values) {
  return String(body || '').replace(/\{\{(\d+)\}\}/g, (m, n) => {
    const variable = parameters[Number(n) - 1];
    const value = variable ? values[variable] : undefined;
    return value === undefined || value === null || value === '' ? m : String(value);
  });
}
