// Payment-plan bounds per product (GET/PUT/DELETE /api/plan-bounds/{product}): what the bot may offer.
import { useState } from 'react';
import { translator } from '../../i18n.js';
import { Problem, useLoad } from './common.jsx';

const t = translator({
  es: {
    title: 'Límites de planes de pago por producto', product: 'Producto', minInstallment: 'Cuota mínima', maxInstallments: 'Máximo de cuotas',
    down: 'Cuota inicial (%)', discount: 'Descuento máximo (%)', save: 'Guardar límites', saved: 'Límites de {product} guardados.',
    remove: 'Quitar', removed: 'Límites de {product} quitados.', none: 'Sin límites propios: se usan los valores por defecto.', edit: 'Editar',
  },
  en: {
    title: 'Payment-plan bounds per product', product: 'Product', minInstallment: 'Smallest installment', maxInstallments: 'Most installments',
    down: 'Down payment (%)', discount: 'Largest discount (%)', save: 'Save bounds', saved: 'Bounds of {product} saved.',
    remove: 'Remove', removed: 'Bounds of {product} removed.', none: 'No bounds of their own: the defaults apply.', edit: 'Edit',
  },
});

const EMPTY = { product: '', minInstallment: '', maxInstallments: '12', downPaymentPercent: '0', maxDiscountPercent: '0' };

export function PlanBoundsPanel({ session }) {
  const { api, locale } = session;
  const bounds = useLoad(() => api.get('/api/plan-bounds'), []);
  const [form, setForm] = useState(EMPTY);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState(null);
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.value });
  const act = async (call, message) => {
    setError(null);
    setNotice('');
    try {
      await call();
      setNotice(message);
      bounds.reload();
    } catch (err) {
      setError(err);
    }
  };
  const num = (v) => (v === '' ? undefined : Number(v));
  return (
    <section className="ops-card" aria-labelledby="bounds-title">
      <h2 id="bounds-title">{t(locale, 'title')}</h2>
      {(bounds.data || []).length === 0 ? <p className="muted">{t(locale, 'none')}</p> : (
        <table data-testid="plan-bounds">
          <thead><tr><th>{t(locale, 'product')}</th><th>{t(locale, 'minInstallment')}</th><th>{t(locale, 'maxInstallments')}</th>
            <th>{t(locale, 'down')}</th><th>{t(locale, 'discount')}</th><th /></tr></thead>
          <tbody>
            {bounds.data.map((b) => (
              <tr key={b.product}><td>{b.product}</td><td>{b.minInstallment}</td><td>{b.maxInstallments}</td>
                <td>{b.downPaymentPercent}</td><td>{b.maxDiscountPercent}</td>
                <td className="ops-row">
                  <button type="button" onClick={() => setForm({ product: b.product, minInstallment: String(b.minInstallment),
                    maxInstallments: String(b.maxInstallments), downPaymentPercent: String(b.downPaymentPercent),
                    maxDiscountPercent: String(b.maxDiscountPercent) })} aria-label={`${t(locale, 'edit')} ${b.product}`}>{t(locale, 'edit')}</button>
                  <button type="button" aria-label={`${t(locale, 'remove')} ${b.product}`} onClick={() => act(() => api.delete(`/api/plan-bounds/${encodeURIComponent(b.product)}`),
                    t(locale, 'removed', { product: b.product }))}>{t(locale, 'remove')}</button>
                </td></tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="ops-grid" onSubmit={(e) => {
        e.preventDefault();
        act(() => api.put(`/api/plan-bounds/${encodeURIComponent(form.product.trim())}`, {
          minInstallment: num(form.minInstallment), maxInstallments: num(form.maxInstallments),
          downPaymentPercent: num(form.downPaymentPercent), maxDiscountPercent: num(form.maxDiscountPercent),
        }), t(locale, 'saved', { product: form.product.trim() }));
      }}>
        <label>{t(locale, 'product')}<input value={form.product} onChange={set('product')} required /></label>
        <label>{t(locale, 'minInstallment')}<input type="number" min="0" step="any" value={form.minInstallment} onChange={set('minInstallment')} /></label>
        <label>{t(locale, 'maxInstallments')}<input type="number" min="1" max="120" value={form.maxInstallments} onChange={set('maxInstallments')} required /></label>
        <label>{t(locale, 'down')}<input type="number" min="0" max="99" step="any" value={form.downPaymentPercent} onChange={set('downPaymentPercent')} /></label>
        <label>{t(locale, 'discount')}<input type="number" min="0" max="99" step="any" value={form.maxDiscountPercent} onChange={set('maxDiscountPercent')} /></label>
        <button type="submit" className="primary">{t(locale, 'save')}</button>
      </form>
      {notice && <p role="status" className="notice">{notice}</p>}
      <Problem error={error} />
    </section>
  );
}
