// Picks the operations screen (issue 19) for a resolved route; the chat screens stay in ConsoleApp.
import { translator } from '../../i18n.js';
import { UsersScreen } from './UsersScreen.jsx';
import { UserPage } from './UserPage.jsx';
import { PortfolioScreen } from './PortfolioScreen.jsx';
import { DebtorPage } from './DebtorPage.jsx';
import { CampaignsScreen } from './CampaignsScreen.jsx';
import { CampaignPage } from './CampaignPage.jsx';
import { TemplatesScreen } from './TemplatesScreen.jsx';
import { ComplianceScreen } from './ComplianceScreen.jsx';
import { SettingsScreen } from './SettingsScreen.jsx';
import './ops.css';

const t = translator({
  es: {
    users: 'Usuarios', portfolio: 'Cartera', campaigns: 'Campañas', templates: 'Plantillas',
    compliance: 'Cumplimiento', settings: 'Ajustes', kpis: 'Indicadores',
    forbidden: 'Tu rol no permite abrir esta sección.',
  },
  en: {
    users: 'Users', portfolio: 'Portfolio', campaigns: 'Campaigns', templates: 'Templates',
    compliance: 'Compliance', settings: 'Settings', kpis: 'KPIs',
    forbidden: 'Your role cannot open this section.',
  },
});

export const opsTitle = (locale, name) => t(locale, name);

const SCREENS = {
  users: UsersScreen,
  user: UserPage,
  portfolio: PortfolioScreen,
  debtor: DebtorPage,
  campaigns: CampaignsScreen,
  campaign: CampaignPage,
  templates: TemplatesScreen,
  compliance: ComplianceScreen,
  settings: SettingsScreen,
};

export function OpsScreen({ screen, session, navigate }) {
  if (screen.screen === 'forbidden') {
    return <main className="console-empty"><p role="alert">{t(session.locale, 'forbidden')}</p></main>;
  }
  const Screen = SCREENS[screen.screen];
  if (!Screen) return null;
  return (
    <main className="ops" data-screen={screen.screen}>
      <Screen session={session} route={screen} navigate={navigate} />
    </main>
  );
}
