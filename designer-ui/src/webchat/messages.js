// Webchat UI strings, Spanish (neutral Latin-American) first, English second. Bot texts come from the
// server in the debtor's locale; these are only the page's own labels.
const STRINGS = {
  es: {
    title: 'Asistente de pagos',
    subtitle: 'Chat seguro',
    inputLabel: 'Escribe tu mensaje',
    placeholder: 'Escribe aquí…',
    send: 'Enviar',
    optionsLabel: 'Opciones',
    you: 'Tú',
    bot: 'Asistente',
    agent: 'Agente',
    typing: 'El asistente está escribiendo…',
    connecting: 'Conectando…',
    connected: 'Conectado',
    reconnecting: 'Sin conexión. Reintentando…',
    invalidLinkTitle: 'Este enlace no es válido o ya venció',
    invalidLinkBody: 'Pide un enlace nuevo a tu entidad o escríbenos desde su sitio oficial.',
    genericError: 'No pudimos enviar tu mensaje. Inténtalo de nuevo.',
    startError: 'No pudimos iniciar el chat. Inténtalo de nuevo en unos minutos.',
    retry: 'Reintentar',
    conversationLabel: 'Conversación',
    imageAlt: 'Imagen enviada por el asistente',
    openImage: 'Ver imagen',
    download: 'descargar',
    opensNewTab: 'se abre en otra pestaña',
  },
  en: {
    title: 'Payment assistant',
    subtitle: 'Secure chat',
    inputLabel: 'Type your message',
    placeholder: 'Type here…',
    send: 'Send',
    optionsLabel: 'Options',
    you: 'You',
    bot: 'Assistant',
    agent: 'Agent',
    typing: 'The assistant is typing…',
    connecting: 'Connecting…',
    connected: 'Connected',
    reconnecting: 'Connection lost. Retrying…',
    invalidLinkTitle: 'This link is not valid or has expired',
    invalidLinkBody: 'Ask your creditor for a new link, or write to us from their official site.',
    genericError: 'We could not send your message. Please try again.',
    startError: 'We could not start the chat. Please try again in a few minutes.',
    retry: 'Retry',
    conversationLabel: 'Conversation',
    imageAlt: 'Image sent by the assistant',
    openImage: 'View image',
    download: 'download',
    opensNewTab: 'opens in a new tab',
  },
};

/** `?lang=en` wins; otherwise the browser language; Spanish when neither is known. */
export function pickChatLocale(search, navigatorLanguage) {
  const fromQuery = new URLSearchParams(search || '').get('lang');
  for (const candidate of [fromQuery, navigatorLanguage]) {
    const language = (candidate || '').slice(0, 2).toLowerCase();
    if (STRINGS[language]) {
      return language;
    }
  }
  return 'es';
}

/** The page language for the conversation's locale as the server reports it ("es-CO" → "es"); null when unknown. */
export function conversationLanguage(serverLocale) {
  const language = (serverLocale || '').slice(0, 2).toLowerCase();
  return STRINGS[language] ? language : null;
}

export function chatText(locale, key) {
  return (STRINGS[locale] && STRINGS[locale][key]) || STRINGS.es[key] || key;
}
