// Actions on one debtor: send the personal link by SMS or email, show a webchat link, export (ADMIN) and erase
// (ADMIN, after typing the debtor's id).
import { useState } from 'react';
import { translator } from '../../i18n.js';
import { hasRole } from '../../shared/staffApi.js';
import { download, Problem } from './common.jsx';

const t = translator({
  es: {
    title: 'Acciones', linkChannel: 'Canal del enlace personal', sendLink: 'Enviar enlace personal', sent: 'Enlace enviado por {channel}.',
    notAllowed: 'No se envió: la política no lo permite ahora ({reason}).', unavailable: 'Este servidor aún no envía enlaces por SMS o correo.',
    makeLink: 'Crear enlace de webchat', link: 'Enlace para el deudor', export: 'Exportar datos (JSON)',
    eraseTitle: 'Borrar datos personales', eraseHint: 'Borra nombre, contactos, transcripciones y conversaciones de este deudor. No se puede deshacer. Escribe su id ({id}) para confirmar.',
    confirm: 'Id del deudor para confirmar', erase: 'Borrar datos personales ahora', erased: 'Datos personales borrados.',
  },
  en: {
    title: 'Actions', linkChannel: 'Personal link channel', sendLink: 'Send personal link', sent: 'Link sent by {channel}.',
    notAllowed: 'Not sent: the policy does not allow it now ({reason}).', unavailable: 'This server does not send links by SMS or email yet.',
    makeLink: 'Create a webchat link', link: 'Link for the debtor', export: 'Export data (JSON)',
    eraseTitle: 'Erase personal data', eraseHint: "Erases this debtor's name, contacts, transcripts and conversations. It cannot be undone. Type their id ({id}) to confirm.",
    confirm: 'Debtor id to confirm', erase: 'Erase personal data now', erased: 'Personal data erased.',
  },
});

export function DebtorActions({ session, debtor, onChanged }) {
  const { api, locale, user } = session;
  const admin = hasRole(user, 'ADMIN');
  const base = `/api/debtors/${encodeURIComponent(debtor.id)}`;
  const [channel, setChannel] = useState(debtor.phone ? 'sms' : 'email');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState(null);
  const [link, setLink] = useState('');
  const [confirm, setConfirm] = useState('');

  const run = async (fn) => {
    setError(null);
    setNotice('');
    try {
      await fn();
    } catch (err) {
      if (err.code === 'contact_not_allowed') setNotice(t(locale, 'notAllowed', { reason: err.message }));
      else if (err.status === 404) setNotice(t(locale, 'unavailable'));
      else setError(err);
    }
  };
  const sendLink = () => run(async () => {
    await api.post(`${base}/links/send`, { channel });
    setNotice(t(locale, 'sent', { channel }));
  });

  return (
    <section className="ops-card" aria-labelledby="actions-title">
      <h2 id="actions-title">{t(locale, 'title')}</h2>
      {notice && <p role="status" className="notice" data-testid="action-notice">{notice}</p>}
      <Problem error={error} />
      <div className="ops-row">
        <label>{t(locale, 'linkChannel')}
          <select value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="sms">SMS</option>
            <option value="email">Email</option>
          </select>
        </label>
        <button type="button" onClick={sendLink}>{t(locale, 'sendLink')}</button>
      </div>
      <div className="ops-row">
        <button type="button" onClick={() => run(async () => setLink((await api.post('/api/webchat/links', { debtorId: debtor.id })).url))}>
          {t(locale, 'makeLink')}</button>
        {link && <label>{t(locale, 'link')}<input readOnly value={link} onFocus={(e) => e.target.select()} /></label>}
      </div>
      {admin && (
        <>
          <button type="button" onClick={() => run(async () => download(`debtor-${debtor.id}.json`,
            JSON.stringify(await api.get(`${base}/export`), null, 2), 'application/json'))}>{t(locale, 'export')}</button>
          <form className="ops-danger" onSubmit={(e) => {
            e.preventDefault();
            run(async () => {
              await api.post(`${base}/erase`, {});
              setNotice(t(locale, 'erased'));
              setConfirm('');
              onChanged();
            });
          }}>
            <h3>{t(locale, 'eraseTitle')}</h3>
            <p>{t(locale, 'eraseHint', { id: debtor.id })}</p>
            <label>{t(locale, 'confirm')}<input value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" /></label>
            <button type="submit" className="danger" disabled={confirm !== debtor.id}>{t(locale, 'erase')}</button>
          </form>
        </>
      )}
    </section>
  );
}
