// Asks a user who signed in with a one-time password (issued by an admin) to choose their own.
import { useState } from 'react';
import { translator } from '../../i18n.js';
import { signIn } from '../../shared/staffApi.js';

const t = translator({
  es: {
    title: 'Elige tu contraseña',
    intro: 'Entraste con una contraseña de un solo uso. Elige una propia (mínimo 8 caracteres).',
    current: 'Contraseña actual', next: 'Nueva contraseña', save: 'Cambiar contraseña', done: 'Contraseña cambiada.',
  },
  en: {
    title: 'Choose your password',
    intro: 'You signed in with a one-time password. Choose your own (at least 8 characters).',
    current: 'Current password', next: 'New password', save: 'Change password', done: 'Password changed.',
  },
});

export function ChangePasswordBanner({ session }) {
  const { locale } = session;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await session.api.post('/api/me/password', { currentPassword: current, newPassword: next });
      await signIn(session.user.username, next); // remembers the new credentials for this tab
      window.location.reload();
    } catch (err) {
      setError(err.message);
      setBusy(false);
    }
  };
  return (
    <form className="ops-banner" onSubmit={submit} aria-labelledby="change-password-title">
      <h2 id="change-password-title">{t(locale, 'title')}</h2>
      <p>{t(locale, 'intro')}</p>
      <label className="inline">{t(locale, 'current')}
        <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
      </label>
      <label className="inline">{t(locale, 'next')}
        <input type="password" autoComplete="new-password" minLength={8} value={next} onChange={(e) => setNext(e.target.value)} required />
      </label>
      <button type="submit" className="primary" disabled={busy}>{t(locale, 'save')}</button>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}
