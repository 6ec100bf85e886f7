// /console/users (ADMIN): the staff list, a form to create a user, and the failed sign-ins.
import { useState } from 'react';
import { translator } from '../../i18n.js';
import { ConsoleLink, Problem, useLoad } from './common.jsx';
import { ROLES, roleName, splitList } from './roles.js';
import { SignInFailures } from './SignInFailures.jsx';
import { pathFor } from '../routes.js';

export const t = translator({
  es: {
    title: 'Usuarios del equipo', createTitle: 'Nuevo usuario', name: 'Nombre completo', username: 'Usuario',
    password: 'Contraseña', generate: 'Generar una de un solo uso',
    generated: 'Se generará al crear y se mostrará una sola vez; se pedirá cambiarla al entrar.',
    role: 'Rol', extra: 'Permisos adicionales', queues: 'Colas (separadas por comas; vacío = todas)',
    create: 'Crear usuario', created: 'Usuario {username} creado.',
    oneTime: 'Contraseña de un solo uso de {username}: {password}', oneTimeHint: 'Cópiala ahora: no se volverá a mostrar.',
    listTitle: 'Equipo', colName: 'Nombre', colRoles: 'Roles', colQueues: 'Colas', colStatus: 'Estado',
    active: 'Activo', disabled: 'Desactivado', mustChange: 'debe cambiar la contraseña', all: 'todas', manage: 'Gestionar',
  },
  en: {
    title: 'Staff users', createTitle: 'New user', name: 'Full name', username: 'Username',
    password: 'Password', generate: 'Generate a one-time one',
    generated: 'It is generated on creation and shown once; the user must change it at first sign-in.',
    role: 'Role', extra: 'Additional permissions', queues: 'Queues (comma-separated; empty = all)',
    create: 'Create user', created: 'User {username} created.',
    oneTime: 'One-time password of {username}: {password}', oneTimeHint: 'Copy it now: it is not shown again.',
    listTitle: 'Team', colName: 'Name', colRoles: 'Roles', colQueues: 'Queues', colStatus: 'Status',
    active: 'Active', disabled: 'Disabled', mustChange: 'must change password', all: 'all', manage: 'Manage',
  },
});

const EMPTY = { name: '', username: '', password: '', generate: false, role: 'AGENT', extra: [], queues: '' };

export function UsersScreen({ session, navigate }) {
  const { api, locale } = session;
  const users = useLoad(() => api.get('/api/users'), []);
  const [form, setForm] = useState(EMPTY);
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const set = (field) => (e) => setForm({ ...form, [field]: e.target.value });

  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const roles = [form.role, ...form.extra.filter((r) => r !== form.role)];
      const created = await api.post('/api/users', {
        username: form.username.trim(), name: form.name.trim() || undefined, roles, queues: splitList(form.queues),
        ...(form.generate ? { generatePassword: true } : { password: form.password }),
      });
      setResult(created);
      setForm(EMPTY);
      users.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t(locale, 'title')}</h1>
      <section className="ops-card" aria-labelledby="create-user-title">
        <h2 id="create-user-title">{t(locale, 'createTitle')}</h2>
        <form className="ops-form" onSubmit={submit}>
          <label>{t(locale, 'name')}<input value={form.name} onChange={set('name')} autoComplete="off" /></label>
          {/* Username, Password and Role are tied by id so their accessible names are exactly these words. */}
          <div className="ops-field">
            <label htmlFor="new-user-username">{t(locale, 'username')}</label>
            <input id="new-user-username" value={form.username} onChange={set('username')} required autoComplete="off" />
          </div>
          <div className="ops-row">
            <div className="ops-field">
              <label htmlFor="new-user-password">{t(locale, 'password')}</label>
              <input id="new-user-password" type="text" value={form.password} onChange={set('password')} autoComplete="new-password"
                disabled={form.generate} required={!form.generate} minLength={8} />
            </div>
            <button type="button" aria-pressed={form.generate} onClick={() => setForm({ ...form, generate: !form.generate, password: '' })}>
              {t(locale, 'generate')}
            </button>
          </div>
          {form.generate && <p className="muted">{t(locale, 'generated')}</p>}
          <div className="ops-field">
            <label htmlFor="new-user-role">{t(locale, 'role')}</label>
            <select id="new-user-role" value={form.role} onChange={set('role')}>
              {ROLES.map((r) => <option key={r} value={r}>{roleName(locale, r)}</option>)}
            </select>
          </div>
          <fieldset className="ops-checks">
            <legend>{t(locale, 'extra')}</legend>
            {ROLES.filter((r) => r !== form.role).map((r) => (
              <label key={r} className="inline">
                <input type="checkbox" checked={form.extra.includes(r)} onChange={(e) => setForm({
                  ...form, extra: e.target.checked ? [...form.extra, r] : form.extra.filter((x) => x !== r),
                })} />{roleName(locale, r)}
              </label>
            ))}
          </fieldset>
          <label>{t(locale, 'queues')}<input value={form.queues} onChange={set('queues')} /></label>
          <button type="submit" className="primary" disabled={busy}>{t(locale, 'create')}</button>
          <Problem error={error} />
        </form>
        {result && (
          <div role="status" className="notice" data-testid="user-created">
            <p>{t(locale, 'created', { username: result.username })}</p>
            {result.oneTimePassword && (
              <p><strong data-testid="one-time-password">{t(locale, 'oneTime', { username: result.username, password: result.oneTimePassword })}</strong>
                {' '}{t(locale, 'oneTimeHint')}</p>
            )}
          </div>
        )}
      </section>
      <section className="ops-card" aria-labelledby="team-title">
        <h2 id="team-title">{t(locale, 'listTitle')}</h2>
        <Problem error={users.error} />
        <table data-testid="users">
          <thead><tr>
            <th>{t(locale, 'username')}</th><th>{t(locale, 'colName')}</th><th>{t(locale, 'colRoles')}</th>
            <th>{t(locale, 'colQueues')}</th><th>{t(locale, 'colStatus')}</th><th />
          </tr></thead>
          <tbody>
            {(users.data || []).map((u) => (
              <tr key={u.username} data-username={u.username}>
                <td>{u.username}</td>
                <td>{u.name || ''}</td>
                <td>{u.roles.map((r) => roleName(locale, r)).join(', ')}</td>
                <td>{u.queues && u.queues.length ? u.queues.join(', ') : t(locale, 'all')}</td>
                <td>{u.disabled ? t(locale, 'disabled') : t(locale, 'active')}
                  {u.mustChangePassword && <span className="muted"> · {t(locale, 'mustChange')}</span>}</td>
                <td>
                  <ConsoleLink to={{ screen: 'user', username: u.username }} path={pathFor({ screen: 'user', username: u.username })}
                    navigate={navigate} aria-label={`${t(locale, 'manage')} ${u.username}`}>{t(locale, 'manage')}</ConsoleLink>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <SignInFailures session={session} />
    </>
  );
}
