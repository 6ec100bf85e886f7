// /console/debtors/<id> (ADMIN, SUPERVISOR): one debtor — the account, consent and can-contact per channel, the
// contact history, conversations, and the actions (payment, lift a hold, personal link, export, erase).
import { translator } from '../../i18n.js';
import { ConsoleLink, Problem, useLoad } from './common.jsx';
import { AccountPanel } from './AccountPanel.jsx';
import { ContactPanel } from './ContactPanel.jsx';
import { DebtorHistory } from './DebtorHistory.jsx';
import { DebtorActions } from './DebtorActions.jsx';

const t = translator({
  es: { back: '← Cartera', notFound: 'No existe un deudor con este id.', facts: 'Datos', phone: 'Teléfono', email: 'Correo',
    country: 'País', locale: 'Idioma', timezone: 'Zona horaria', dpd: 'Días de mora', document: 'Documento para verificar',
    yes: 'sí', no: 'no', optedOut: 'Pidió no ser contactado (baja): no se le escribe por ningún canal.',
    wrongParty: 'Marcado como persona equivocada: no se habla de la deuda.' },
  en: { back: '← Portfolio', notFound: 'There is no debtor with this id.', facts: 'Details', phone: 'Phone', email: 'Email',
    country: 'Country', locale: 'Language', timezone: 'Time zone', dpd: 'Days past due', document: 'Document on file to verify',
    yes: 'yes', no: 'no', optedOut: 'Opted out: no contact on any channel.',
    wrongParty: 'Marked as wrong party: the debt is never discussed.' },
});

export function DebtorPage({ session, route, navigate }) {
  const { api, locale } = session;
  const id = route.debtorId;
  const path = `/api/debtors/${encodeURIComponent(id)}`;
  const debtor = useLoad(() => api.get(path), [id]);
  const back = <ConsoleLink to={{ screen: 'portfolio' }} path="/console/portfolio" navigate={navigate}>{t(locale, 'back')}</ConsoleLink>;
  if (debtor.loading && !debtor.data) return back;
  if (debtor.error) {
    return <>{back}{debtor.error.status === 404 ? <p role="alert">{t(locale, 'notFound')}</p> : <Problem error={debtor.error} />}</>;
  }
  const d = debtor.data;
  const fact = (label, value) => <div className="fact-row"><dt>{label}</dt><dd>{value}</dd></div>;
  return (
    <div className="debtor-page" data-debtor-id={d.id}>
      {back}
      <h1>{d.name} <span className="muted">({d.id})</span></h1>
      {d.optedOut && <p className="warning">{t(locale, 'optedOut')}</p>}
      {d.wrongParty && <p className="warning">{t(locale, 'wrongParty')}</p>}
      <div className="ops-columns">
        <div>
          <AccountPanel session={session} debtor={d} />
          <DebtorHistory session={session} debtor={d} navigate={navigate} />
        </div>
        <div>
          <section className="ops-card" aria-labelledby="facts-title">
            <h2 id="facts-title">{t(locale, 'facts')}</h2>
            <dl className="facts">
              {fact(t(locale, 'phone'), d.phone || '—')}
              {fact(t(locale, 'email'), d.email || '—')}
              {fact(t(locale, 'country'), d.country)}
              {fact(t(locale, 'locale'), d.locale)}
              {fact(t(locale, 'timezone'), d.timezone)}
              {fact(t(locale, 'dpd'), d.daysPastDue)}
              {fact(t(locale, 'document'), d.documentOnFile ? t(locale, 'yes') : t(locale, 'no'))}
            </dl>
          </section>
          <ContactPanel session={session} debtor={d} />
          <DebtorActions session={session} debtor={d} navigate={navigate} onChanged={debtor.reload} />
        </div>
      </div>
    </div>
  );
}
