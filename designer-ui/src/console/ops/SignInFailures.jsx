// The failed sign-ins (ADMIN), from GET /api/security/sign-in-failures -> [{username, client, at}]. Older
// runtimes without that route answer 404: the section then says the audit is not available.
import { translator } from '../../i18n.js';
import { Problem, useLoad, when } from './common.jsx';

const t = translator({
  es: {
    title: 'Intentos de entrada fallidos', none: 'No hay intentos fallidos.',
    unavailable: 'Esta versión del servidor no registra los intentos fallidos.',
    user: 'Usuario intentado', client: 'Cliente', at: 'Cuándo', refresh: 'Actualizar',
  },
  en: {
    title: 'Failed sign-ins', none: 'No failed sign-ins.',
    unavailable: 'This server version does not record failed sign-ins.',
    user: 'Attempted user', client: 'Client', at: 'When', refresh: 'Refresh',
  },
});

export function SignInFailures({ session }) {
  const { api, locale } = session;
  const failures = useLoad(() => api.get('/api/security/sign-in-failures'), []);
  const missing = failures.error && (failures.error.status === 404 || failures.error.status === 405);
  const rows = Array.isArray(failures.data) ? failures.data : [];
  return (
    <section className="ops-card" aria-labelledby="failures-title" data-testid="sign-in-failures">
      <h2 id="failures-title">{t(locale, 'title')}</h2>
      <button type="button" onClick={failures.reload}>{t(locale, 'refresh')}</button>
      {missing && <p className="muted">{t(locale, 'unavailable')}</p>}
      {!missing && <Problem error={failures.error} />}
      {!failures.error && !failures.loading && rows.length === 0 && <p className="muted">{t(locale, 'none')}</p>}
      {rows.length > 0 && (
        <table>
          <thead><tr><th>{t(locale, 'user')}</th><th>{t(locale, 'client')}</th><th>{t(locale, 'at')}</th></tr></thead>
          <tbody>
            {rows.map((f, i) => (
              <tr key={`${f.at}-${i}`}><td>{f.username}</td><td>{f.client}</td><td>{when(f.at, locale)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
