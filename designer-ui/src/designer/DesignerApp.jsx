import { useEffect, useMemo, useState } from 'react';
import { LocalePicker, SignedIn, SignOutButton } from '../shared/SignIn.jsx';
import { hasRole } from '../shared/staffApi.js';
import { FlowEditor } from './FlowEditor.jsx';
import { FlowList } from './FlowList.jsx';
import { IntentEditor } from './IntentEditor.jsx';
import { flowApi } from './flowApi.js';
import { t } from './strings.js';
import './designer.css';

/** The flow designer at /designer/: #/ is the flow list, #/flows/<id> opens one flow. */
export function DesignerApp() {
  return (
    <SignedIn app="designer">
      {(session) => <Designer session={session} />}
    </SignedIn>
  );
}

function useHashRoute() {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  if (hash.startsWith('#/intents')) return { screen: 'intents' };
  const match = /^#\/flows\/([a-z][a-z0-9_]*)/.exec(hash);
  return match ? { screen: 'flow', flowId: match[1] } : { screen: 'flows' };
}

function Designer({ session }) {
  const route = useHashRoute();
  const { flowId } = route;
  const flows = useMemo(() => flowApi(session.api), [session.api]);
  const canEdit = hasRole(session.user, 'DESIGNER', 'ADMIN');
  const { locale } = session;
  useEffect(() => {
    document.title = t(locale, 'appTitle');
  }, [locale]);
  return (
    <div className="designer">
      <header className="designer-header">
        <h1>{t(locale, 'appTitle')}</h1>
        <nav className="app-nav">
          <a href="#/">{t(locale, 'flows')}</a>
          {canEdit && <a href="#/intents">{t(locale, 'intentsTitle')}</a>}
        </nav>
        <span data-testid="signed-in-as" className="muted">{session.user.username}</span>
        <LocalePicker locale={locale} setLocale={session.setLocale} />
        <SignOutButton session={session} />
      </header>
      {!canEdit && <p className="notice" data-testid="read-only">{t(locale, 'readOnly')}</p>}
      {route.screen === 'flow' && <FlowEditor key={flowId} flowId={flowId} flows={flows} locale={locale} canEdit={canEdit} />}
      {route.screen === 'flows' && <FlowList flows={flows} locale={locale} />}
      {route.screen === 'intents' && (canEdit
        ? <IntentEditor api={session.api} locale={locale} canEdit={canEdit} />
        : <p className="notice">{t(locale, 'readOnly')}</p>)}
    </div>
  );
}
