import { createRoot } from 'react-dom/client';
import { ChatApp } from './ChatApp.jsx';
import { tokenFromPath } from './chatApi.js';
import { pickChatLocale } from './messages.js';
import './chat.css';

const locale = pickChatLocale(window.location.search, navigator.language);
document.documentElement.lang = locale;
createRoot(document.getElementById('root')).render(
  <ChatApp token={tokenFromPath(window.location.pathname)} locale={locale} />,
);
