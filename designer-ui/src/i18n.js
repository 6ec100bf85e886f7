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

/**
 * A t(locale, key, vars) function over a table shaped like STRINGS: Spanish is the fallback, and
 * {name} placeholders are filled from vars. Each app keeps its own table next to its screens.
 */
export function translator(strings) {
  return (locale, key, vars) => {
    const text = (strings[locale] && strings[locale][key]) || (strings.es && strings.es[key]) || key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m)) : text;
  };
}

/**
 * The UI locale: `?lang=en` / `?lang=es` in the address (remembered), else what the user chose in this
 * browser, else the browser's language.
 */
export function uiLocale() {
  const asked = typeof window !== 'undefined' && window.location
    ? new URLSearchParams(window.location.search).get('lang') : null;
  if (asked === 'es' || asked === 'en') {
    chooseUiLocale(asked);
    return asked;
  }
  const chosen = typeof localStorage !== 'undefined' && localStorage.getItem('cobra.ui.locale');
  if (chosen === 'es' || chosen === 'en') return chosen;
  return pickLocale(typeof navigator !== 'undefined' ? navigator.language : 'es');
}

export function chooseUiLocale(locale) {
  localStorage.setItem('cobra.ui.locale', locale);
}
