import { useEffect, useState } from 'react';
import { chooseUiLocale, translator, uiLocale } from '../i18n.js';
import { restoreSession, signIn, signOut } from './staffApi.js';
import './staff.css';

const t = translator({
  es: {
    signInTitle: 'Iniciar sesión en Cobra',
    username: 'Usuario',
    password: 'Contraseña',
    signIn: 'Entrar',
    signingIn: 'Entrando…',
    signOut: 'Salir',
    badCredentials: 'Usuario o contraseña incorrectos.',
    checking: 'Comprobando la sesión…',
    language: 'Idioma',
  },
  en: {
    signInTitle: 'Sign in to Cobra',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    signOut: 'Sign out',
    badCredentials: 'Wrong username or password.',
    checking: 'Checking your session…',
    language: 'Language',
  },
});

/**
 * Renders children(session) once a staff user is signed in, where session = {api, user, locale,
 * setLocale, signOut}; shows the sign-in form before that. The session survives reloads of the tab.
 */
export function SignedIn({ children }) {
  const [session, setSession] = useState(undefined);
  const [locale, setLocaleState] = useState(uiLocale());
  useEffect(() => {
    restoreSession().then((restored) => setSession(restored));
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = (next) => {
    chooseUiLocale(next);
    setLocaleState(next);
  };
  if (session === undefined) {
    return <p className="staff-loading">{t(locale, 'checking')}</p>;
  }
  if (!session) {
    return <SignInForm locale={locale} setLocale={setLocale} onSignedIn={setSession} />;
  }
  const doSignOut = () => {
    signOut();
    setSession(null);
  };
  return children({ ...session, locale, setLocale, signOut: doSignOut });
}

function SignInForm({ locale, setLocale, onSignedIn }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      onSignedIn(await signIn(username.trim(), password));
    } catch (e) {
      setError(e.status === 401 ? t(locale, 'badCredentials') : e.message);
      setBusy(false);
    }
  };
  return (
    <main className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t(locale, 'signInTitle')}</h1>
        {/* Labels tied by id, not by nesting: the accessible names stay exactly "Username" / "Password". */}
        <label htmlFor="sign-in-username">{t(locale, 'username')}</label>
        <input id="sign-in-username" name="username" autoComplete="username" autoFocus value={username}
          onChange={(e) => setUsername(e.target.value)} required />
        <label htmlFor="sign-in-password">{t(locale, 'password')}</label>
        <input id="sign-in-password" name="password" type="password" autoComplete="current-password" value={password}
          onChange={(e) => setPassword(e.target.value)} required />
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit" disabled={busy}>{busy ? t(locale, 'signingIn') : t(locale, 'signIn')}</button>
        <LocalePicker locale={locale} setLocale={setLocale} />
      </form>
    </main>
  );
}

/** Spanish / English switch, remembered in this browser. */
export function LocalePicker({ locale, setLocale }) {
  return (
    <label className="locale-picker">
      {t(locale, 'language')}
      <select value={locale} onChange={(e) => setLocale(e.target.value)}>
        <option value="es">Español</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}

export function SignOutButton({ session }) {
  return (
    <button type="button" className="sign-out" onClick={session.signOut}>
      {t(session.locale, 'signOut')} ({session.user.username})
    </button>
  );
}
