// /console/users/<username> (ADMIN): change a user's name, roles and queues, disable or enable, reset the password.
import { useEffect, useState } from 'react';
import { translator } from '../../i18n.js';
import { ConsoleLink, Problem, useLoad } from './common.jsx';
import { ROLES, roleName, splitList } from './roles.js';

const t = translator({
  es: {
    back: '← Usuarios', notFound: 'No existe este usuario.', profile: 'Perfil y permisos', name: 'Nombre completo',
    queues: 'Colas (separadas por comas; vacío = todas)', grants: 'Roles', save: 'Guardar cambios', saved: 'Cambios guardados.',
    access: 'Acceso', isDisabled: 'Desactivado: no puede entrar.', isActive: 'Activo.',
    disable: 'Desactivar', enable: 'Reactivar', resetTitle: 'Restablecer la contraseña',
    issue: 'Emitir una contraseña de un solo uso', setOwn: 'Nueva contraseña elegida', setIt: 'Fijar esta contraseña',
    oneTime: 'Contraseña de un solo uso: {password}', oneTimeHint: 'Cópiala ahora: no se volverá a mostrar.', passwordSet: 'Contraseña cambiada.',
  },
  en: {
    back: '← Users', notFound: 'There is no such user.', profile: 'Profile and permissions', name: 'Full name',
    queues: 'Queues (comma-separated; empty = all)', grants: 'Roles', save: 'Save changes', saved: 'Changes saved.',
    access: 'Access', isDisabled: 'Disabled: cannot sign in.', isActive: 'Active.',
    disable: 'Disable', enable: 'Enable', resetTitle: 'Reset the password',
    issue: 'Issue a one-time password', setOwn: 'New chosen password', setIt: 'Set this password',
    oneTime: 'One-time password: {password}', oneTimeHint: 'Copy it now: it is not shown again.', passwordSet: 'Password changed.',
  },
});

export function UserPage({ session, route, navigate }) {
  const { api, locale } = session;
  const { username } = route;
  const users = useLoad(() => api.get('/api/users'), [username]);
  const user = (users.data || []).find((u) => u.username === username);
  const [form, setForm] = useState(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState(null);
  const [chosen, setChosen] = useState('');
  const path = `/api/users/${encodeURIComponent(username)}`;

  useEffect(() => {
    if (user) setForm({ name: user.name || '', roles: user.roles, queues: (user.queues || []).join(', ') });
  }, [user && JSON.stringify(user)]);

  const act = async (call, message) => {
    setError(null);
    setNotice('');
    try {
      const answer = await call();
      setNotice(answer && answer.oneTimePassword
        ? `${t(locale, 'oneTime', { password: answer.oneTimePassword })} ${t(locale, 'oneTimeHint')}` : message);
      users.reload();
    } catch (err) {
      setError(err);
    }
  };
  const back = <ConsoleLink to={{ screen: 'users' }} path="/console/users" navigate={navigate}>{t(locale, 'back')}</ConsoleLink>;
  if (users.loading && !users.data) return back;
  if (!user) return <>{back}<p role="alert">{t(locale, 'notFound')}</p></>;

  return (
    <>
      {back}
      <h1>{user.name ? `${user.name} (${user.username})` : user.username}</h1>
      {notice && <p role="status" className="notice" data-testid="user-notice">{notice}</p>}
      <Problem error={error || users.error} />
      {form && (
        <form className="ops-card ops-form" aria-labelledby="profile-title" onSubmit={(e) => {
          e.preventDefault();
          act(() => api.request('PATCH', path, { body: { name: form.name, roles: form.roles, queues: splitList(form.queues) } }),
            t(locale, 'saved'));
        }}>
          <h2 id="profile-title">{t(locale, 'profile')}</h2>
          <label>{t(locale, 'name')}<input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
          <fieldset className="ops-checks">
            <legend>{t(locale, 'grants')}</legend>
            {ROLES.map((r) => (
              <label key={r} className="inline">
                <input type="checkbox" checked={form.roles.includes(r)} onChange={(e) => setForm({
                  ...form, roles: e.target.checked ? [...form.roles, r] : form.roles.filter((x) => x !== r),
                })} />{roleName(locale, r)}
              </label>
            ))}
          </fieldset>
          <label>{t(locale, 'queues')}<input value={form.queues} onChange={(e) => setForm({ ...form, queues: e.target.value })} /></label>
          <button type="submit" className="primary">{t(locale, 'save')}</button>
        </form>
      )}
      <section className="ops-card" aria-labelledby="access-title">
        <h2 id="access-title">{t(locale, 'access')}</h2>
        <p data-testid="user-status">{user.disabled ? t(locale, 'isDisabled') : t(locale, 'isActive')}</p>
        <button type="button" onClick={() => act(() => api.request('PATCH', path, { body: { disabled: !user.disabled } }), t(locale, 'saved'))}>
          {user.disabled ? t(locale, 'enable') : t(locale, 'disable')}
        </button>
      </section>
      <section className="ops-card" aria-labelledby="reset-title">
        <h2 id="reset-title">{t(locale, 'resetTitle')}</h2>
        <button type="button" onClick={() => act(() => api.post(`${path}/password`, {}), '')}>{t(locale, 'issue')}</button>
        <form className="ops-row" onSubmit={(e) => {
          e.preventDefault();
          act(() => api.post(`${path}/password`, { password: chosen }), t(locale, 'passwordSet')).then(() => setChosen(''));
        }}>
          <label>{t(locale, 'setOwn')}<input type="password" autoComplete="new-password" minLength={8} required value={chosen}
            onChange={(e) => setChosen(e.target.value)} /></label>
          <button type="submit">{t(locale, 'setIt')}</button>
        </form>
      </section>
    </>
  );
}
