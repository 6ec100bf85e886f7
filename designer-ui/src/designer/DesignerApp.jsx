import { useEffect, useMemo, useState } from 'react';
import { LocalePicker, SignedIn, SignOutButton } from '../shared/SignIn.jsx';
import { hasRole } from '../shared/staffApi.js';
import { FlowEditor } from './FlowEditor.jsx';
import { FlowList } from './FlowList.jsx';
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
  const match = /^#\/flows\/([a-z][a-z0-9_]*)/.exec(hash);
  return match ? match[1] : null;
}

function Designer({ session }) {
  const flowId = useHashRoute();
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
        <span data-testid="signed-in-as" className="muted">{session.user.username}</span>
        <LocalePicker locale={locale} setLocale={session.setLocale} />
        <SignOutButton session={session} />
      </header>
      {!canEdit && <p className="notice" data-testid="read-only">{t(locale, 'readOnly')}</p>}
      {flowId
        ? <FlowEditor key={flowId} flowId={flowId} flows={flows} locale={locale} canEdit={canEdit} />
        : <FlowList flows={flows} locale={locale} />}
    </div>
  );
}
