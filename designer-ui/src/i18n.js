// UI strings, Spanish first. Keys are stable; add a locale by adding a column.
const STRINGS = {
  es: {
    title: 'Cobra — consola',
    tagline: 'Bot de cobranza híbrido para WhatsApp y webchat',
    health: 'Estado del servicio',
  },
  en: {
    title: 'Cobra — console',
    tagline: 'Hybrid debt-collection bot for WhatsApp and webchat',
    health: 'Service status',
  },
};

export function pickLocale(navigatorLanguage) {
  const language = (navigatorLanguage || 'es').slice(0, 2).toLowerCase();
  return STRINGS[language] ? language : 'es';
}

export function t(locale, key) {
  return (STRINGS[locale] && STRINGS[locale][key]) || STRINGS.es[key] || key;
}
