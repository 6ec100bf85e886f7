import { useEffect, useState } from 'react';
import { translator } from '../i18n.js';
import { LocalePicker, SignedIn, SignOutButton } from '../shared/SignIn.jsx';
import { hasRole } from '../shared/staffApi.js';
import { KpiChart } from './KpiChart.jsx';
import { csatSummary, filtersFromSearch, funnelSeries, handoffSeries, money, promiseSeries, rateSeries, searchFromFilters } from './kpiModel.js';
import './kpis.css';

const t = translator({
  es: {
    title: 'Indicadores de cobranza',
    from: 'Desde', to: 'Hasta', campaign: 'Campaña', flow: 'Flujo', any: 'todos', apply: 'Aplicar',
    loading: 'Cargando indicadores…', forbidden: 'Solo supervisores y administradores ven los indicadores.',
    conversations: 'Conversaciones', contacted: 'Deudores contactados', responded: 'Respondieron',
    promisesMade: 'Promesas de pago', amountPromised: 'Monto prometido', amountPaid: 'Monto pagado',
    plans: 'Planes solicitados', handoffs: 'Pasos a agente', csat: 'Satisfacción (CSAT)', csatAsked: 'preguntadas',
    rates: 'Tasas (%)', handoffReasons: 'Motivos de paso a agente', promises: 'Promesas', funnel: 'Dónde están o terminaron las conversaciones',
    none: 'Sin datos en este periodo.',
    contact: 'Contacto', delivery: 'Entrega', read: 'Lectura', response: 'Respuesta', rightParty: 'Titular verificado',
    containment: 'Contención', handoff: 'Paso a agente', optOut: 'Bajas', promiseKept: 'Promesas cumplidas',
    made: 'Hechas', kept: 'Cumplidas', broken: 'Incumplidas', open: 'Abiertas',
  },
  en: {
    title: 'Collection KPIs',
    from: 'From', to: 'To', campaign: 'Campaign', flow: 'Flow', any: 'all', apply: 'Apply',
    loading: 'Loading KPIs…', forbidden: 'Only supervisors and admins can see the KPIs.',
    conversations: 'Conversations', contacted: 'Debtors contacted', responded: 'Responded',
    promisesMade: 'Promises to pay', amountPromised: 'Amount promised', amountPaid: 'Amount paid',
    plans: 'Plans requested', handoffs: 'Handoffs', csat: 'Satisfaction (CSAT)', csatAsked: 'asked',
    rates: 'Rates (%)', handoffReasons: 'Handoff reasons', promises: 'Promises', funnel: 'Where conversations are or ended',
    none: 'No data in this period.',
    contact: 'Contact', delivery: 'Delivery', read: 'Read', response: 'Response', rightParty: 'Right party',
    containment: 'Containment', handoff: 'Handoff', optOut: 'Opt-out', promiseKept: 'Promises kept',
    made: 'Made', kept: 'Kept', broken: 'Broken', open: 'Open',
  },
});

export function KpiApp() {
  return <SignedIn>{(session) => <Dashboard session={session} />}</SignedIn>;
}

function Dashboard({ session }) {
  const { api, locale } = session;
  const [filters, setFilters] = useState(() => filtersFromSearch(window.location.search));
  const [draft, setDraft] = useState(filters);
  const [kpis, setKpis] = useState(null);
  const [error, setError] = useState(null);
  const [flows, setFlows] = useState([]);
  const allowed = hasRole(session.user, 'ADMIN', 'SUPERVISOR');

  useEffect(() => {
    api.get('/api/flows').then(setFlows).catch(() => setFlows([]));
  }, [api]);

  useEffect(() => {
    if (!allowed) return;
    const query = searchFromFilters(filters);
    window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
    setKpis(null);
    setError(null);
    api.get(`/api/kpis?${query}`).then(setKpis).catch((e) => setError(e.message));
  }, [api, allowed, JSON.stringify(filters)]);

  const field = (key) => ({ value: draft[key], onChange: (e) => setDraft({ ...draft, [key]: e.target.value }) });
  const label = (s) => ({ ...s, label: t(locale, s.key) });

  return (
    <div className="kpis">
      <header className="kpis-header">
        <h1>{t(locale, 'title')}</h1>
        <LocalePicker locale={locale} setLocale={session.setLocale} />
        <SignOutButton session={session} />
      </header>
      {!allowed ? <p role="alert" className="error">{t(locale, 'forbidden')}</p> : (
        <>
          <form className="kpis-filters" onSubmit={(e) => { e.preventDefault(); setFilters(draft); }}>
            <label>{t(locale, 'from')}<input type="date" {...field('from')} /></label>
            <label>{t(locale, 'to')}<input type="date" {...field('to')} /></label>
            <label>{t(locale, 'campaign')}<input type="text" placeholder={t(locale, 'any')} {...field('campaignId')} /></label>
            <label>{t(locale, 'flow')}
              <select {...field('flowId')}>
                <option value="">{t(locale, 'any')}</option>
                {flows.map((f) => <option key={f.id} value={f.id}>{f.title || f.id}</option>)}
              </select>
            </label>
            <button type="submit">{t(locale, 'apply')}</button>
          </form>
          {error && <p role="alert" className="error">{error}</p>}
          {!kpis && !error && <p className="staff-loading">{t(locale, 'loading')}</p>}
          {kpis && <Figures kpis={kpis} locale={locale} label={label} />}
        </>
      )}
    </div>
  );
}

function Figures({ kpis, locale, label }) {
  const handoffs = handoffSeries(kpis).map((s) => ({ ...s, label: s.key }));
  const funnel = funnelSeries(kpis, kpis.flowId);
  const cards = [
    ['conversations', kpis.conversations],
    ['contacted', kpis.debtorsContacted],
    ['responded', kpis.debtorsResponded],
    ['handoffs', kpis.handoffs],
    ['promisesMade', kpis.promises.made],
    ['amountPromised', money(kpis.promises.amountPromised, locale)],
    ['amountPaid', money(kpis.payments.amountPaid, locale)],
    ['plans', kpis.plans.requested],
  ];
  const csat = csatSummary(kpis);
  return (
    <main className="kpis-body">
      <section className="kpi-cards">
        {cards.map(([key, value]) => (
          <div className="kpi-card" key={key} data-kpi={key}>
            <span className="kpi-value">{value}</span>
            <span className="kpi-label">{t(locale, key)}</span>
          </div>
        ))}
        <div className="kpi-card" data-kpi="csat">
          <span className="kpi-value">{csat.text}</span>
          <span className="kpi-label">{t(locale, 'csat')} · {csat.asked} {t(locale, 'csatAsked')}</span>
        </div>
      </section>
      <section className="kpi-panel">
        <h2>{t(locale, 'rates')}</h2>
        <KpiChart id="rates-chart" kind="bar" max={100} label={t(locale, 'rates')} series={rateSeries(kpis).map(label)} />
      </section>
      <section className="kpi-panel">
        <h2>{t(locale, 'promises')}</h2>
        <KpiChart id="promises-chart" kind="bar" label={t(locale, 'promises')} series={promiseSeries(kpis).map(label)} />
      </section>
      <section className="kpi-panel">
        <h2>{t(locale, 'handoffReasons')}</h2>
        {handoffs.length === 0 ? <p className="kpi-none">{t(locale, 'none')}</p>
          : <KpiChart id="handoff-chart" kind="doughnut" label={t(locale, 'handoffReasons')} series={handoffs} />}
      </section>
      <section className="kpi-panel kpi-wide">
        <h2>{t(locale, 'funnel')}{funnel.flowId ? ` — ${funnel.flowId}` : ''}</h2>
        {funnel.steps.length === 0 ? <p className="kpi-none">{t(locale, 'none')}</p>
          : <KpiChart id="funnel-chart" kind="hbar" label={t(locale, 'funnel')} series={funnel.steps.map((s) => ({ ...s, label: s.key }))} />}
      </section>
    </main>
  );
}
