// The template part of the campaign builder: a registered template, its {{n}} parameters mapped to variables,
// and a preview filled for a real debtor of the portfolio.
import { translator } from '../../i18n.js';
import { formatMoney } from '../format.js';
import { useLoad } from './common.jsx';
import { placeholderCount, renderPreview, revealsDebt, sampleValues, VARIABLES } from './templateParams.js';

const t = translator({
  es: {
    template: 'Plantilla', pick: 'Elige una plantilla…', status: 'estado {status}', notApproved: 'Solo se envían plantillas aprobadas por Meta; esta aún no lo está.',
    param: 'Parámetro {{{n}}}', choose: 'Elige un dato…', preview: 'Vista previa (como la vería {name})', previewEmpty: 'Vista previa',
    debtWarning: 'Los datos de la deuda ({names}) solo se envían a quien ya verificó su identidad: el servidor rechaza la campaña si el destinatario no está verificado.',
    none: 'No hay plantillas registradas (ver Plantillas).',
  },
  en: {
    template: 'Template', pick: 'Choose a template…', status: 'status {status}', notApproved: 'Only templates Meta approved are sent; this one is not approved yet.',
    param: 'Parameter {{{n}}}', choose: 'Choose a value…', preview: 'Preview (as {name} would see it)', previewEmpty: 'Preview',
    debtWarning: 'Debt details ({names}) only go to recipients who verified their identity: the server refuses the campaign if a recipient is not verified.',
    none: 'No templates are registered (see Templates).',
  },
});

export const templateKey = (tpl) => `${tpl.name}|${tpl.language}`;

export function TemplatePicker({ session, value, onChange, parameters, setParameters }) {
  const { api, locale } = session;
  const templates = useLoad(() => api.get('/api/whatsapp/templates'), []);
  const sample = useLoad(() => api.get('/api/debtors?limit=1').then((list) => list[0] || null), []);
  const list = templates.data || [];
  const template = list.find((tpl) => templateKey(tpl) === value);
  const count = template ? Math.max(template.parameters || 0, placeholderCount(template.body)) : 0;
  const debtVariables = parameters.slice(0, count).filter(revealsDebt);
  return (
    <fieldset className="ops-template">
      <legend>{t(locale, 'template')}</legend>
      {list.length === 0 && !templates.loading && <p className="muted">{t(locale, 'none')}</p>}
      <label htmlFor="campaign-template">{t(locale, 'template')}</label>
        <select id="campaign-template" value={value} onChange={(e) => {
          onChange(e.target.value);
          setParameters([]);
        }} required>
          <option value="">{t(locale, 'pick')}</option>
          {list.map((tpl) => (
            <option key={templateKey(tpl)} value={templateKey(tpl)}>{`${tpl.name} (${tpl.language}) · ${tpl.status}`}</option>
          ))}
        </select>
      {template && template.status !== 'APPROVED' && <p className="warning">{t(locale, 'notApproved')}</p>}
      {Array.from({ length: count }, (_, i) => (
        <label key={i}>{t(locale, 'param', { n: i + 1 })}
          <select value={parameters[i] || ''} required onChange={(e) => {
            const next = [...parameters];
            next[i] = e.target.value;
            setParameters(next);
          }}>
            <option value="">{t(locale, 'choose')}</option>
            {VARIABLES.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </label>
      ))}
      {debtVariables.length > 0 && <p className="warning">{t(locale, 'debtWarning', { names: debtVariables.join(', ') })}</p>}
      {template && (
        <figure className="ops-preview" data-testid="template-preview">
          <figcaption>{sample.data ? t(locale, 'preview', { name: sample.data.name }) : t(locale, 'previewEmpty')}</figcaption>
          <p>{renderPreview(template.body, parameters, sampleValues(sample.data, formatMoney))}</p>
        </figure>
      )}
    </fieldset>
  );
}
