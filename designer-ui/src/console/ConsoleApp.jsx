import { useEffect, useMemo } from 'react';
import { LocalePicker, SignedIn, SignOutButton } from '../shared/SignIn.jsx';
import { AgentWorkspace } from './AgentWorkspace.jsx';
import { SupervisorView } from './SupervisorView.jsx';
import { useLive, useRoute } from './hooks.js';
import { abilities, opsMenu, pathFor, resolveScreen } from './routes.js';
import { OpsScreen, opsTitle } from './ops/OpsScreen.jsx';
import { ChangePasswordBanner } from './ops/ChangePassword.jsx';
import { t } from './strings.js';
import './console.css';

/** The staff console at /console/: agents work chats, supervisors watch the floor. */
export function ConsoleApp() {
  return <SignedIn app="console">{(session) => <Console session={session} />}</SignedIn>;
}

function Console({ session }) {
  const { user, locale } = session;
  const [route, navigate] = useRoute();
  const can = useMemo(() => abilities(user), [user]);
  const screen = resolveScreen(route, user);
  const live = useLive(session.api, can.agent || can.supervisor);

  useEffect(() => {
    if (screen.screen !== route.screen && (screen.screen === 'home' || screen.screen === 'supervisor')) {
      navigate(screen, { replace: true });
    }
  }, [screen.screen, route.screen]);

  // The section a screen belongs to (a debtor page is part of the portfolio) marks its menu link as current.
  const section = { chat: 'home', debtor: 'portfolio', campaign: 'campaigns', user: 'users' }[screen.screen] || screen.screen;
  const link = (target, label, testId) => (
    <a key={target} href={pathFor({ screen: target })} data-testid={testId}
      aria-current={section === target ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        navigate({ screen: target });
      }}>{label}</a>
  );

  return (
    <div className="console">
      <header className="console-header">
        <h1>{t(locale, 'appTitle')}</h1>
        <nav aria-label={t(locale, 'navLabel')}>
          {can.agent && link('home', t(locale, 'navChats'), 'nav-chats')}
          {can.supervisor && link('supervisor', t(locale, 'navSupervisor'), 'nav-supervisor')}
          {opsMenu(user).map((name) => link(name, opsTitle(locale, name), `nav-${name}`))}
          {can.supervisor && <a href="/kpis/">{opsTitle(locale, 'kpis')}</a>}
          {can.designer && <a href="/designer/">{t(locale, 'navDesigner')}</a>}
        </nav>
        {(can.agent || can.supervisor) && (
          <span className={`live live-${live.connection}`} data-testid="live" data-state={live.connection} role="status">
            {t(locale, `live_${live.connection}`)}
          </span>
        )}
        <LocalePicker locale={locale} setLocale={session.setLocale} />
        <SignOutButton session={session} />
      </header>
      {session.user.mustChangePassword && <ChangePasswordBanner session={session} />}
      {(screen.screen === 'home' || screen.screen === 'chat') && (
        <AgentWorkspace session={session} live={live} conversationId={screen.conversationId} navigate={navigate}
          supervisor={can.supervisor} agent={can.agent} />
      )}
      {screen.screen === 'supervisor' && <SupervisorView session={session} live={live} navigate={navigate} />}
      {screen.screen === 'designerOnly' && (
        <main className="console-empty">
          <p>{t(locale, 'designerOnly')}</p>
          <a href="/designer/">{t(locale, 'navDesigner')}</a>
        </main>
      )}
      <OpsScreen screen={screen} session={session} navigate={navigate} />
      {screen.screen === 'noAccess' && <main className="console-empty"><p>{t(locale, 'noAccess')}</p></main>}
    </div>
  );
}
