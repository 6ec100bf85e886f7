import { formatDate, formatMoney, formatPercent, formatTime } from './format.js';
import { t } from './strings.js';

/**
 * The side panel: debtor and debts, the account (outstanding amount, active holds, plan schedules), consent and
 * "can contact now?", why the bot handed off, promises, plans.
 */
export function ContextPanel({ locale, context }) {
  const { conversation: c, handoff, debtor, promises = [], contactNow, account } = context;
  // With the account, plan requests and accepted plans (with their installments) come from it.
  const plans = account ? account.plans || [] : context.plans || [];
  const moneyLocale = (debtor && debtor.locale) || 'es-CO';
  return (
    <aside className="context-panel" aria-label={t(locale, 'contextTitle')} data-testid="context-panel">
      <section>
        <h3>{t(locale, 'debtorTitle')}</h3>
        {!debtor && <p className="muted">{t(locale, 'noDebtor')}</p>}
        {debtor && (
          <dl className="facts">
            <dt>{t(locale, 'name')}</dt><dd data-testid="debtor-name">{debtor.name}</dd>
            <dt>{t(locale, 'verified')}</dt>
            <dd className={c.verified ? 'ok' : 'warn'}>{t(locale, c.verified ? 'yes' : 'notVerified')}</dd>
            <dt>{t(locale, 'balance')}</dt>
            <dd data-testid="balance">{debtor.totalBalance != null ? formatMoney(debtor.totalBalance, debtor.currency, moneyLocale) : '—'}</dd>
            {account && (
              <><dt>{t(locale, 'outstanding')}</dt>
                <dd data-testid="outstanding">{outstanding(account.debts).map(([currency, value]) => formatMoney(value, currency, moneyLocale)).join(' + ') || '—'}</dd></>
            )}
            <dt>{t(locale, 'daysPastDue')}</dt><dd data-testid="days-past-due">{debtor.daysPastDue}</dd>
            {debtor.optedOut && <><dt>{t(locale, 'optedOut')}</dt><dd className="warn">{t(locale, 'yes')}</dd></>}
            {debtor.wrongParty && <><dt>{t(locale, 'wrongParty')}</dt><dd className="warn">{t(locale, 'yes')}</dd></>}
          </dl>
        )}
        {debtor && debtor.debts.length > 0 && (
          <table className="debts">
            <caption>{t(locale, 'debts')}</caption>
            <thead><tr><th>{t(locale, 'product')}</th><th>{t(locale, 'balance')}</th><th>{t(locale, 'dueDate')}</th></tr></thead>
            <tbody>
              {debtor.debts.map((d) => (
                <tr key={d.id}>
                  <td>{d.product || d.id}</td>
                  <td>{formatMoney(d.balance, d.currency, moneyLocale)}</td>
                  <td>{formatDate(d.dueDate, moneyLocale)} ({t(locale, 'daysShort', { days: d.daysPastDue })})</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {account && (
        <section>
          <h3>{t(locale, 'holdsTitle')}</h3>
          {(account.holds || []).length === 0 ? <p className="muted" data-testid="no-holds">{t(locale, 'noHolds')}</p> : (
            <ul className="records" data-testid="holds">
              {account.holds.map((h) => (
                <li key={h.type} data-hold={h.type} className="warn">
                  <strong>{t(locale, `hold_${h.type}`, { fallback: h.type })}</strong>
                  {h.since ? ` · ${t(locale, 'holdSince', { date: formatDate(h.since.slice(0, 10), moneyLocale) })}` : ''}
                  {h.reason ? ` · ${h.reason}` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section>
        <h3>{t(locale, 'contactTitle')}</h3>
        <dl className="facts">
          {debtor && Object.entries(debtor.consent || {}).map(([channel, consent]) => (
            <div key={channel} className="fact-row">
              <dt>{t(locale, 'consentOn', { channel })}</dt>
              <dd className={consent.optedIn ? 'ok' : 'warn'}>{t(locale, consent.optedIn ? 'optedIn' : 'notOptedIn')}</dd>
            </div>
          ))}
          <dt>{t(locale, 'canContactNow', { channel: (contactNow && contactNow.channel) || 'whatsapp' })}</dt>
          <dd data-testid="can-contact" className={!contactNow || !contactNow.known ? 'muted' : contactNow.allowed ? 'ok' : 'warn'}>
            {!contactNow || !contactNow.known ? t(locale, 'unknown')
              : contactNow.allowed ? t(locale, 'yes')
                : `${t(locale, 'no')} (${t(locale, `block_${contactNow.reason}`, { fallback: contactNow.reason })})`}
            {contactNow && contactNow.nextAllowedAt ? ` · ${t(locale, 'nextAllowed', { time: new Date(contactNow.nextAllowedAt).toLocaleString(locale) })}` : ''}
          </dd>
          {c.channel === 'whatsapp' && (
            <><dt>{t(locale, 'window24h')}</dt><dd className={c.windowOpen ? 'ok' : 'warn'}>{t(locale, c.windowOpen ? 'open' : 'closed')}</dd></>
          )}
        </dl>
      </section>
      {handoff && (
        <section data-testid="handoff-reason">
          <h3>{t(locale, 'whyHandoff')}</h3>
          <p>
            {t(locale, `reason_${handoff.reason}`, { fallback: handoff.reason })} · {t(locale, `queue_${handoff.queue}`, { fallback: handoff.queue })}
            {' · '}{formatTime(handoff.at, locale)}
          </p>
          {handoff.understanding ? (
            <table className="nlu" data-testid="nlu">
              <caption>{t(locale, 'nluSaw')}{handoff.understanding.fallback ? ` (${t(locale, 'nluUnsure')})` : ''}</caption>
              <tbody>
                {(handoff.understanding.ranking.length ? handoff.understanding.ranking
                  : [{ intent: handoff.understanding.intent, confidence: handoff.understanding.confidence }]).map((r) => (
                  <tr key={r.intent}>
                    <td>{r.intent}</td>
                    <td><meter min="0" max="1" value={r.confidence} /> {formatPercent(r.confidence)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : <p className="muted">{t(locale, 'nluNone')}</p>}
        </section>
      )}
      <section>
        <h3>{t(locale, 'promisesTitle')}</h3>
        {promises.length === 0 && <p className="muted">{t(locale, 'none')}</p>}
        <ul className="records" data-testid="promises">
          {promises.map((p, i) => (
            <li key={i}>{formatDate(p.date, moneyLocale)} · {p.amount ? formatMoney(p.amount, p.currency, moneyLocale) : '—'} · {p.status}</li>
          ))}
        </ul>
        <h3>{t(locale, account ? 'planSchedule' : 'plansTitle')}</h3>
        {plans.length === 0 && <p className="muted">{t(locale, 'none')}</p>}
        <ul className="records" data-testid="plans">
          {plans.map((p, i) => (
            <li key={p.id || i} data-testid="plan" data-status={p.status}>
              {t(locale, 'installments', { n: (p.installments && p.installments.length) || p.installmentsRequested || p.installments || '?' })}
              {' · '}{(p.total ?? p.amount) != null ? formatMoney(p.total ?? p.amount, p.currency, moneyLocale) : '—'}
              {' · '}{t(locale, `plan_${p.status}`, { fallback: p.status })}
              {Array.isArray(p.installments) && p.installments.length > 0 && (
                <table className="debts" data-testid="plan-schedule">
                  <thead><tr><th>{t(locale, 'installmentNo')}</th><th>{t(locale, 'installmentDate')}</th>
                    <th>{t(locale, 'installmentAmount')}</th><th>{t(locale, 'installmentStatus')}</th></tr></thead>
                  <tbody>
                    {p.installments.map((x, n) => (
                      <tr key={n} data-testid="installment" data-status={x.status} data-date={x.date}>
                        <td>{x.number || n + 1}</td>
                        <td>{formatDate(x.date, moneyLocale)}</td>
                        <td>{formatMoney(x.amount, p.currency, moneyLocale)}</td>
                        <td className={x.status === 'BROKEN' ? 'warn' : x.status === 'KEPT' ? 'ok' : ''}>{t(locale, `inst_${x.status}`, { fallback: x.status })}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}

/** Outstanding per currency, in the order the debts come: [['COP', 750000]]. */
export function outstanding(debts) {
  const totals = new Map();
  for (const d of debts || []) {
    totals.set(d.currency, (totals.get(d.currency) || 0) + Number(d.outstanding ?? d.balance ?? 0));
  }
  return [...totals.entries()];
}
