// /console/portfolio (ADMIN, SUPERVISOR): import a CSV or JSON file with progress and a per-row error report,
// and find debtors by id, name, email or phone.
import { useState } from 'react';
import { translator } from '../../i18n.js';
import { formatMoney } from '../format.js';
import { ConsoleLink, download, Problem, toCsv, useLoad } from './common.jsx';
import { chunksOf, EMPTY_REPORT, kindOf, mergeReport, rejectedCsvRows } from './portfolioImport.js';
import { pathFor } from '../routes.js';

const t = translator({
  es: {
    title: 'Cartera', importTitle: 'Cargar cartera', file: 'Archivo de cartera',
    fileHint: 'CSV o JSON como en la API de importación (docs/operator-guide.md). Se actualiza por id: cargar dos veces el mismo archivo no duplica.',
    import: 'Importar', importing: 'Cargando… {done} de {total} filas', progress: 'Progreso de la carga',
    imported: 'Importados', updated: 'Actualizados', rejected: 'Rechazados',
    summaryNote: 'Importados = deudores nuevos; actualizados = ya existían; rechazados = filas con errores (las demás se cargaron).',
    errorsTitle: 'Filas rechazadas', row: 'Fila', id: 'Id', errors: 'Errores', report: 'Descargar informe de errores (CSV)',
    badFile: 'El archivo no se puede leer: {message}',
    searchTitle: 'Buscar deudores', search: 'Buscar deudores (id, nombre, correo o teléfono)', go: 'Buscar',
    name: 'Nombre', country: 'País', dpd: 'Días de mora', balance: 'Saldo', none: 'Sin resultados.', first: 'Primeros de la cartera',
  },
  en: {
    title: 'Portfolio', importTitle: 'Load the portfolio', file: 'Portfolio file',
    fileHint: 'CSV or JSON as in the import API (docs/operator-guide.md). Upserts by id: loading the same file twice duplicates nothing.',
    import: 'Import', importing: 'Loading… {done} of {total} rows', progress: 'Upload progress',
    imported: 'Imported', updated: 'Updated', rejected: 'Rejected',
    summaryNote: 'Imported = new debtors; updated = already known; rejected = rows with errors (the others were loaded).',
    errorsTitle: 'Rejected rows', row: 'Row', id: 'Id', errors: 'Errors', report: 'Download error report (CSV)',
    badFile: 'The file cannot be read: {message}',
    searchTitle: 'Find debtors', search: 'Search debtors (id, name, email or phone)', go: 'Search',
    name: 'Name', country: 'Country', dpd: 'Days past due', balance: 'Balance', none: 'No results.', first: 'First in the portfolio',
  },
});

export function PortfolioScreen({ session, navigate }) {
  const { locale } = session;
  return (
    <>
      <h1>{t(locale, 'title')}</h1>
      <ImportCard session={session} />
      <SearchCard session={session} navigate={navigate} />
    </>
  );
}

function ImportCard({ session }) {
  const { api, locale } = session;
  const [file, setFile] = useState(null);
  const [progress, setProgress] = useState(null);
  const [report, setReport] = useState(null);
  const [error, setError] = useState(null);

  const run = async (e) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setReport(null);
    let chunks;
    try {
      chunks = chunksOf(await file.text(), kindOf(file));
    } catch (err) {
      setError(new Error(t(locale, 'badFile', { message: err.message })));
      return;
    }
    const total = chunks.reduce((n, c) => n + c.count, 0);
    const path = kindOf(file) === 'json' ? '/api/debtors' : '/api/debtors/import';
    let merged = EMPTY_REPORT;
    setProgress({ done: 0, total });
    try {
      for (const chunk of chunks) {
        const answer = await api.post(path, chunk.body, { contentType: chunk.contentType });
        merged = mergeReport(merged, answer, chunk.firstRow);
        setProgress({ done: chunk.firstRow - 1 + chunk.count, total });
        setReport(merged);
      }
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  };

  return (
    <section className="ops-card" aria-labelledby="import-title">
      <h2 id="import-title">{t(locale, 'importTitle')}</h2>
      <form className="ops-form" onSubmit={run}>
        <div className="ops-field">
          <label htmlFor="portfolio-file">{t(locale, 'file')}</label>
          <input id="portfolio-file" type="file" accept=".csv,.json,text/csv,application/json"
            onChange={(e) => setFile(e.target.files[0] || null)} />
        </div>
        <p className="muted">{t(locale, 'fileHint')}</p>
        <button type="submit" className="primary" disabled={!file || Boolean(progress)}>{t(locale, 'import')}</button>
      </form>
      {progress && (
        <p role="status">
          <progress aria-label={t(locale, 'progress')} max={progress.total || 1} value={progress.done} />{' '}
          {t(locale, 'importing', progress)}
        </p>
      )}
      <Problem error={error} />
      {report && <ImportReport report={report} locale={locale} fileName={file ? file.name : 'portfolio'} />}
    </section>
  );
}

function ImportReport({ report, locale, fileName }) {
  return (
    <div data-testid="import-report" role="status">
      <ul className="ops-summary">
        <li data-testid="imported-count">{t(locale, 'imported')}: <strong>{report.imported}</strong></li>
        <li data-testid="updated-count">{t(locale, 'updated')}: <strong>{report.updated}</strong></li>
        <li data-testid="rejected-count">{t(locale, 'rejected')}: <strong>{report.rejected.length}</strong></li>
      </ul>
      <p className="muted">{t(locale, 'summaryNote')}</p>
      {report.rejected.length > 0 && (
        <>
          <h3>{t(locale, 'errorsTitle')}</h3>
          <button type="button" onClick={() => download(`${fileName.replace(/\.[^.]+$/, '')}-errors.csv`,
            toCsv(['row', 'id', 'errors'], rejectedCsvRows(report)))}>{t(locale, 'report')}</button>
          <table data-testid="rejected-rows">
            <thead><tr><th>{t(locale, 'row')}</th><th>{t(locale, 'id')}</th><th>{t(locale, 'errors')}</th></tr></thead>
            <tbody>
              {report.rejected.map((r) => (
                <tr key={`${r.row}-${r.id}`}><td>{r.row}</td><td>{r.id}</td><td>{(r.errors || []).join('; ')}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

function SearchCard({ session, navigate }) {
  const { api, locale } = session;
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const results = useLoad(() => api.get(query ? `/api/debtors?q=${encodeURIComponent(query)}&limit=50` : '/api/debtors?limit=20'), [query]);
  const rows = results.data || [];
  return (
    <section className="ops-card" aria-labelledby="search-title">
      <h2 id="search-title">{t(locale, 'searchTitle')}</h2>
      <form className="ops-row" role="search" onSubmit={(e) => {
        e.preventDefault();
        setQuery(text.trim());
      }}>
        <label>{t(locale, 'search')}<input type="search" value={text} onChange={(e) => setText(e.target.value)} /></label>
        <button type="submit">{t(locale, 'go')}</button>
      </form>
      <Problem error={results.error} />
      {!query && rows.length > 0 && <p className="muted">{t(locale, 'first')}</p>}
      {!results.loading && rows.length === 0 && <p>{t(locale, 'none')}</p>}
      {rows.length > 0 && (
        <table data-testid="debtor-results">
          <thead><tr><th>{t(locale, 'id')}</th><th>{t(locale, 'name')}</th><th>{t(locale, 'country')}</th>
            <th>{t(locale, 'dpd')}</th><th>{t(locale, 'balance')}</th></tr></thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} data-debtor-id={d.id}>
                <td><ConsoleLink to={{ screen: 'debtor', debtorId: d.id }} path={pathFor({ screen: 'debtor', debtorId: d.id })}
                  navigate={navigate}>{d.id}</ConsoleLink></td>
                <td>{d.name}</td><td>{d.country}</td><td>{d.daysPastDue}</td>
                <td>{(d.debts || []).map((x) => formatMoney(x.balance, x.currency, d.locale)).join(' + ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
