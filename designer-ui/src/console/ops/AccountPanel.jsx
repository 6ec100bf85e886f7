// The debtor's account (GET /api/debtors/{id}/account, CONTRACTS "Debt accounts and holds"): debts with paid and
// outstanding amounts, holds (lifted here with a note), promises, plans and payments; and the payment form.
import { useState } from 'react';
import { translator } from '../../i18n.js';
import { formatDate, formatMoney } from '../format.js';
import { Problem, useLoad, when } from './common.jsx';
import { parseAmount } from '../release.js';

const t = translator({
  es: {
    title: 'Cuenta', unavailable: 'El detalle de la cuenta no está disponible en este servidor; se muestran los saldos cargados.',
    product: 'Producto', balance: 'Saldo', paid: 'Pagado', outstanding: 'Pendiente', status: 'Estado', total: 'Total pendiente',
    holds: 'Retenciones', noHolds: 'Sin retenciones: se puede contactar según la política.', since: 'desde', by: 'por',
    note: 'Nota para levantar «{type}»', lift: 'Levantar retención {type}', lifted: 'Retención {type} levantada.',
    promises: 'Promesas de pago', plans: 'Planes de pago', payments: 'Pagos', none: 'Ninguno.',
    installments: '{n} cuotas', payTitle: 'Registrar un pago', debt: 'Deuda', amount: 'Monto', reference: 'Referencia del pago',
    badAmount: 'Escribe un monto mayor que cero, p. ej. 300.000 o 1250,50.', record: 'Registrar pago', recorded: 'Pago {reference} registrado.', duplicate: 'Ese pago ya estaba registrado ({reference}).',
  },
  en: {
    title: 'Account', unavailable: 'Account details are not available on this server; the loaded balances are shown.',
    product: 'Product', balance: 'Balance', paid: 'Paid', outstanding: 'Outstanding', status: 'Status', total: 'Total outstanding',
    holds: 'Holds', noHolds: 'No holds: contact follows the policy.', since: 'since', by: 'by',
    note: 'Note for lifting "{type}"', lift: 'Lift hold {type}', lifted: 'Hold {type} lifted.',
    promises: 'Promises to pay', plans: 'Payment plans', payments: 'Payments', none: 'None.',
    installments: '{n} installments', payTitle: 'Record a payment', debt: 'Debt', amount: 'Amount', reference: 'Payment reference',
    badAmount: 'Type an amount above zero, e.g. 300000 or 1250.50.', record: 'Record payment', recorded: 'Payment {reference} recorded.', duplicate: 'That payment was already recorded ({reference}).',
  },
});

/** Outstanding per currency: {COP: 750000}. */
export function outstandingByCurrency(debts) {
  const totals = {};
  for (const d of debts || []) {
    const value = Number(d.outstanding ?? d.balance ?? 0);
    totals[d.currency] = (totals[d.currency] || 0) + value;
  }
  return totals;
}

export function AccountPanel({ session, debtor }) {
  const { api, locale } = session;
  const base = `/api/debtors/${encodeURIComponent(debtor.id)}`;
  const account = useLoad(() => api.get(`${base}/account`), [debtor.id]);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState(null);
  const missing = account.error && account.error.status === 404;
  const acc = account.data || { debts: debtor.debts, holds: [], promises: [], plans: [], payments: [] };
  const money = (amount, currency) => formatMoney(amount, currency, debtor.locale);
  const totals = outstandingByCurrency(acc.debts);

  const act = async (call, message) => {
    setError(null);
    setNotice('');
    try {
      const answer = await call();
      setNotice(typeof message === 'function' ? message(answer) : message);
      account.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="ops-card" aria-labelledby="account-title" data-testid="account">
      <h2 id="account-title">{t(locale, 'title')}</h2>
      {missing && <p className="muted">{t(locale, 'unavailable')}</p>}
      {!missing && <Problem error={account.error} />}
      {notice && <p role="status" className="notice">{notice}</p>}
      <Problem error={error} />
      <table>
        <thead><tr><th>Id</th><th>{t(locale, 'product')}</th><th>{t(locale, 'balance')}</th><th>{t(locale, 'paid')}</th>
          <th>{t(locale, 'outstanding')}</th><th>{t(locale, 'status')}</th></tr></thead>
        <tbody>
          {(acc.debts || []).map((d) => (
            <tr key={d.id} data-debt-id={d.id}>
              <td>{d.id}</td><td>{d.product}</td><td>{money(d.balance, d.currency)}</td>
              <td>{d.paid === undefined ? '—' : money(d.paid, d.currency)}</td>
              <td data-testid="debt-outstanding">{d.outstanding === undefined ? '—' : money(d.outstanding, d.currency)}</td>
              <td>{d.status || ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!missing && (
        <p>{t(locale, 'total')}: <strong data-testid="outstanding">
          {Object.entries(totals).map(([currency, value]) => money(value, currency)).join(' + ') || '0'}</strong></p>
      )}
      {!missing && <h3>{t(locale, 'holds')}</h3>}
      {missing ? null : (acc.holds || []).length === 0 ? <p className="muted" data-testid="no-holds">{t(locale, 'noHolds')}</p> : (
        <ul className="records" data-testid="holds">
          {acc.holds.map((h) => <HoldItem key={h.type} hold={h} locale={locale}
            onLift={(note) => act(() => api.request('DELETE', `${base}/holds/${encodeURIComponent(h.type)}`, { body: { note } }),
              t(locale, 'lifted', { type: h.type }))} />)}
        </ul>
      )}
      <h3>{t(locale, 'promises')}</h3>
      <List items={acc.promises} locale={locale} render={(p) => `${formatDate(p.date, locale)} · ${money(p.amount, p.currency)} · ${p.status}`} />
      <h3>{t(locale, 'plans')}</h3>
      <List items={acc.plans} locale={locale} render={(p) => `${p.status} · ${t(locale, 'installments', { n: (p.installments || []).length })}: `
        + (p.installments || []).map((i) => `${formatDate(i.date, locale)} ${money(i.amount, '')} ${i.status}`).join(', ')} />
      <h3>{t(locale, 'payments')}</h3>
      <List items={acc.payments} locale={locale} render={(p) => `${when(p.paidAt, locale)} · ${money(p.amount, p.currency)} · ${p.reference}${p.debtId ? ` (${p.debtId})` : ''}`} />
      <PaymentForm debts={acc.debts || []} locale={locale} onRecord={(body) => act(() => api.post('/api/payments', { debtorId: debtor.id, ...body }),
        (answer) => t(locale, answer && answer.duplicate ? 'duplicate' : 'recorded', { reference: body.reference }))} />
    </section>
  );
}

function List({ items, locale, render }) {
  if (!items || items.length === 0) return <p className="muted">{t(locale, 'none')}</p>;
  return <ul className="records">{items.map((item, i) => <li key={i}>{render(item)}</li>)}</ul>;
}

function HoldItem({ hold, locale, onLift }) {
  const [note, setNote] = useState('');
  return (
    <li data-hold={hold.type}>
      <strong>{hold.type}</strong> {t(locale, 'since')} {when(hold.since, locale)}{hold.by ? ` ${t(locale, 'by')} ${hold.by}` : ''}
      {hold.reason ? ` — ${hold.reason}` : ''}
      <form className="ops-row" onSubmit={(e) => {
        e.preventDefault();
        onLift(note);
      }}>
        <label>{t(locale, 'note', { type: hold.type })}<input value={note} onChange={(e) => setNote(e.target.value)} required /></label>
        <button type="submit">{t(locale, 'lift', { type: hold.type })}</button>
      </form>
    </li>
  );
}

function PaymentForm({ debts, locale, onRecord }) {
  const [debtId, setDebtId] = useState('');
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [invalid, setInvalid] = useState(false);
  const debt = debts.find((d) => d.id === debtId) || debts[0];
  return (
    <form className="ops-form ops-subform" aria-labelledby="pay-title" onSubmit={(e) => {
      e.preventDefault();
      const value = parseAmount(amount);
      if (!value) {
        setInvalid(true);
        return;
      }
      setInvalid(false);
      onRecord({ debtId: debt ? debt.id : undefined, amount: Number(value), currency: debt ? debt.currency : undefined,
        reference: reference.trim() || `CONSOLE-${Date.now()}` });
      setAmount('');
      setReference('');
    }}>
      <h3 id="pay-title">{t(locale, 'payTitle')}</h3>
      <label>{t(locale, 'debt')}
        <select value={debt ? debt.id : ''} onChange={(e) => setDebtId(e.target.value)}>
          {debts.map((d) => <option key={d.id} value={d.id}>{`${d.id} · ${d.product || ''} (${d.currency})`}</option>)}
        </select>
      </label>
      <label>{t(locale, 'amount')}{debt ? ` (${debt.currency})` : ''}
        <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} required aria-invalid={invalid} />
      </label>
      {invalid && <p role="alert" className="error">{t(locale, 'badAmount')}</p>}
      <label>{t(locale, 'reference')}<input value={reference} onChange={(e) => setReference(e.target.value)} placeholder="BANK-123" /></label>
      <button type="submit" className="primary">{t(locale, 'record')}</button>
    </form>
  );
}
