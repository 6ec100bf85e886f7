import { useEffect, useState } from 'react';
import { t } from './strings.js';

export function formatTime(locale, iso) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'es-CO', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Every flow with its draft and published versions, last editor and last change. */
export function FlowList({ flows, locale }) {
  const [rows, setRows] = useState(null);
  const [error, setError] = useState('');
  useEffect(() => {
    flows.list().then(setRows).catch((e) => setError(e.message));
  }, [flows]);
  if (error) return <p role="alert" className="error">{error}</p>;
  if (!rows) return <p>{t(locale, 'loading')}</p>;
  return (
    <main className="flow-list">
      <h2>{t(locale, 'flows')}</h2>
      <table data-testid="flow-list">
        <thead>
          <tr>
            <th>{t(locale, 'flow')}</th>
            <th>{t(locale, 'title')}</th>
            <th>{t(locale, 'draft')}</th>
            <th>{t(locale, 'published')}</th>
            <th>{t(locale, 'lastEditor')}</th>
            <th>{t(locale, 'lastChange')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-flow-id={row.id}>
              <td><a href={`#/flows/${row.id}`}>{row.id}</a>{' '}
                <span className="tag">{t(locale, row.stage ? 'stage' : 'subflow')}</span></td>
              <td>{row.title}</td>
              <td>{row.draftVersion}{row.unpublishedChanges && <span className="tag warn"> {t(locale, 'unpublished')}</span>}</td>
              <td>{row.publishedVersion ? `v${row.publishedVersion}` : t(locale, 'never')}</td>
              <td>{row.updatedBy || '—'}</td>
              <td>{formatTime(locale, row.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
