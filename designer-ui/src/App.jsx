import { useEffect, useState } from 'react';
import { pickLocale, t } from './i18n.js';

export function App() {
  const locale = pickLocale(navigator.language);
  const [health, setHealth] = useState('…');
  useEffect(() => {
    fetch('../actuator/health')
      .then((r) => r.json())
      .then((body) => setHealth(body.status))
      .catch(() => setHealth('DOWN'));
  }, []);
  return (
    <main>
      <h1>{t(locale, 'title')}</h1>
      <p>{t(locale, 'tagline')}</p>
      <p>
        {t(locale, 'health')}: <strong data-testid="health">{health}</strong>
      </p>
    </main>
  );
}
