import { useState } from 'react';
import {
  ACTIONS, addMenuOption, addStep, connect, deleteStep, DISPOSITIONS, disconnect, duplicateStep, ENTITY_TYPES, freeStepId,
  newStep, renameStep, setStepField, STEP_TYPES, textIn, WHATSAPP_LIMITS,
} from './flowModel.js';
import { t, typeName } from './strings.js';

/** Characters used against a WhatsApp limit, flagged when over it. */
function Counter({ value, limit, locale }) {
  const count = (value || '').length;
  return (
    <span className={`counter${count > limit ? ' over' : ''}`} data-testid="wa-counter"
      title={count > limit ? t(locale, 'tooLongWhatsApp') : 'WhatsApp'}>
      {t(locale, 'chars', { count, limit })}
    </span>
  );
}

/** A text per locale of the flow (a plain string counts as the first locale). */
function TextField({ label, value, path, flowLocales, limit, onChange, locale, disabled, testId }) {
  return (
    <fieldset className="text-field">
      <legend>{label}</legend>
      {flowLocales.map((loc, index) => {
        const current = typeof value === 'string' ? (index === 0 ? value : '') : (value && value[loc]) || '';
        const change = (next) => {
          if (typeof value === 'string' || value == null) {
            if (index === 0 && (typeof value === 'string' || flowLocales.length === 1)) {
              onChange(path, next);
              return;
            }
            const map = {};
            flowLocales.forEach((l, i) => { map[l] = i === 0 ? (value || '') : ''; });
            map[loc] = next;
            onChange(path, map);
            return;
          }
          onChange([...path, loc], next);
        };
        return (
          <label key={loc}>
            <span>{loc} <Counter value={current} limit={limit} locale={locale} /></span>
            <textarea value={current} rows={2} disabled={disabled} data-testid={testId ? `${testId}-${loc}` : undefined}
              onChange={(e) => change(e.target.value)} />
          </label>
        );
      })}
    </fieldset>
  );
}

/** A step id field with the flow's steps as suggestions (typing an unknown id is allowed: the validator says so). */
function TargetField({ label, value, onChange, stepIds, disabled, testId }) {
  const listId = 'step-ids';
  return (
    <label>
      {label}
      <input list={listId} value={value || ''} disabled={disabled} data-testid={testId}
        onChange={(e) => onChange(e.target.value.trim())} />
      <datalist id={listId}>{stepIds.map((id) => <option key={id} value={id} />)}</datalist>
    </label>
  );
}

function Field({ label, value, onChange, disabled, type = 'text', testId }) {
  return (
    <label>
      {label}
      <input type={type} value={value ?? ''} disabled={disabled} data-testid={testId}
        onChange={(e) => onChange(type === 'number' ? (e.target.value === '' ? '' : Number(e.target.value)) : e.target.value)} />
    </label>
  );
}

function Choice({ label, value, options, onChange, disabled, allowEmpty, testId }) {
  return (
    <label>
      {label}
      <select value={value || ''} disabled={disabled} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        {allowEmpty && <option value="">—</option>}
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </label>
  );
}

function AddStepForm({ edit, locale, onAdded, flow }) {
  const [id, setId] = useState('');
  const [type, setType] = useState('message');
  const submit = (e) => {
    e.preventDefault();
    const stepId = id.trim() || freeStepId(flow, type);
    if (edit((doc) => addStep(doc, stepId, newStep(doc, type)))) {
      setId('');
      onAdded(stepId);
    }
  };
  return (
    <form className="add-step" onSubmit={submit} data-testid="add-step-form">
      <Field label={t(locale, 'stepId')} value={id} onChange={setId} testId="new-step-id" />
      <Choice label={t(locale, 'stepType')} value={type} options={STEP_TYPES} onChange={setType} testId="new-step-type" />
      <button type="submit">{t(locale, 'addStep')}</button>
    </form>
  );
}

function AddOptionForm({ stepId, flow, flowLocales, edit, locale, stepIds, onAdded }) {
  const [optionId, setOptionId] = useState('');
  const [titles, setTitles] = useState({});
  const [newId, setNewId] = useState('');
  const [newType, setNewType] = useState('message');
  const [existing, setExisting] = useState('');
  const submit = (e) => {
    e.preventDefault();
    const id = optionId.trim();
    const title = {};
    flowLocales.forEach((l) => { title[l] = titles[l] || titles[flowLocales[0]] || id; });
    let target = existing.trim();
    const created = !target;
    if (created) target = newId.trim() || freeStepId(flow, id || 'option');
    const ok = edit((doc) => {
      if (created) addStep(doc, target, newStep(doc, newType, stepId));
      addMenuOption(doc, stepId, { id, title, next: target });
    });
    if (ok) {
      setOptionId(''); setTitles({}); setNewId(''); setExisting('');
      if (created) onAdded(target);
    }
  };
  return (
    <form className="add-option" onSubmit={submit} data-testid="add-option-form">
      <h4>{t(locale, 'addOption')}</h4>
      <Field label={t(locale, 'optionId')} value={optionId} onChange={setOptionId} testId="option-id" />
      {flowLocales.map((l) => (
        <label key={l}>
          <span>{t(locale, 'optionTitle', { locale: l })} <Counter value={titles[l]} limit={WHATSAPP_LIMITS.button} locale={locale} /></span>
          <input value={titles[l] || ''} data-testid={`option-title-${l}`} onChange={(e) => setTitles({ ...titles, [l]: e.target.value })} />
        </label>
      ))}
      <Field label={t(locale, 'newStepFor')} value={newId} onChange={setNewId} testId="option-new-step" />
      <Choice label={t(locale, 'newStepType')} value={newType} options={STEP_TYPES} onChange={setNewType} testId="option-new-type" />
      <TargetField label={t(locale, 'existingStep')} value={existing} onChange={setExisting} stepIds={stepIds} testId="option-existing" />
      <button type="submit" data-testid="add-option">{t(locale, 'addOption')}</button>
    </form>
  );
}

/** The form for one step, by type; every change goes straight into the YAML document. */
export function Inspector({ flow, stepIds, selected, onSelect, edit, locale, canEdit, problems }) {
  const [renameTo, setRenameTo] = useState('');
  if (!flow) return <p className="error">{t(locale, 'yamlInvalid')}</p>;
  const step = selected && flow.steps ? flow.steps[selected] : null;
  const flowLocales = Array.isArray(flow.locales) && flow.locales.length ? flow.locales : ['es'];
  const set = (path, value) => edit((doc) => setStepField(doc, selected, path, value));
  const disabled = !canEdit;
  const isButtons = step && step.type === 'menu' && (step.options || []).length <= WHATSAPP_LIMITS.buttons;

  return (
    <div className="inspector" data-testid="inspector">
      <label>
        {t(locale, 'selectStep')}
        <select value={selected || ''} onChange={(e) => onSelect(e.target.value || null)} data-testid="step-select">
          <option value="">{t(locale, 'none')}</option>
          {stepIds.map((id) => <option key={id} value={id}>{id}</option>)}
        </select>
      </label>
      {canEdit && <AddStepForm edit={edit} locale={locale} flow={flow} onAdded={onSelect} />}
      {!step && <p className="muted">{t(locale, 'noStepSelected')}</p>}
      {step && (
        <div className="step-form" data-testid="step-form" data-step-id={selected}>
          <h3>{selected} <span className="tag">{typeName(locale, step.type)}</span></h3>
          {problems[selected] && (
            <ul className="problems" data-testid="step-problems">
              {problems[selected].map((m) => <li key={m}>{m}</li>)}
            </ul>
          )}
          {canEdit && (
            <div className="row">
              <button type="button" onClick={() => {
                const copy = freeStepId(flow, `${selected}_copy`);
                if (edit((doc) => duplicateStep(doc, selected, copy))) onSelect(copy);
              }}>{t(locale, 'duplicate')}</button>
              <button type="button" className="danger" data-testid="delete-step"
                onClick={() => { if (edit((doc) => deleteStep(doc, selected))) onSelect(null); }}>{t(locale, 'delete')}</button>
              <input aria-label={t(locale, 'rename')} value={renameTo} placeholder={t(locale, 'stepId')}
                onChange={(e) => setRenameTo(e.target.value)} />
              <button type="button" disabled={!renameTo.trim()} onClick={() => {
                if (edit((doc) => renameStep(doc, selected, renameTo.trim()))) { onSelect(renameTo.trim()); setRenameTo(''); }
              }}>{t(locale, 'rename')}</button>
            </div>
          )}
          {['message', 'menu', 'input', 'action', 'handoff', 'end'].includes(step.type) && (
            <TextField label={t(locale, 'text')} value={step.text} path={['text']} flowLocales={flowLocales}
              limit={WHATSAPP_LIMITS.body} onChange={set} locale={locale} disabled={disabled} testId="step-text" />
          )}
          {step.type === 'menu' && (
            <fieldset>
              <legend>{t(locale, 'options')} ({isButtons ? 'WhatsApp: botones' : 'WhatsApp: lista'})</legend>
              {(step.options || []).map((option, index) => (
                <div key={`${option.id}-${index}`} className="option" data-option-id={option.id}>
                  <strong>{option.id}</strong>
                  {flowLocales.map((l) => (
                    <span key={l} className="option-title">{l}: {textIn(option.title, l)}{' '}
                      <Counter value={textIn(option.title, l)} limit={isButtons ? WHATSAPP_LIMITS.button : WHATSAPP_LIMITS.row} locale={locale} />
                    </span>
                  ))}
                  <TargetField label={t(locale, 'next')} value={option.next} stepIds={stepIds} disabled={disabled}
                    onChange={(v) => set(['options', index, 'next'], v)} />
                  {canEdit && (
                    <button type="button" onClick={() => edit((doc) => disconnect(doc, selected, `option:${option.id}`))}>
                      {t(locale, 'removeOption')}
                    </button>
                  )}
                </div>
              ))}
              {canEdit && <AddOptionForm stepId={selected} flow={flow} flowLocales={flowLocales} edit={edit}
                locale={locale} stepIds={stepIds} onAdded={onSelect} />}
              <h4>{t(locale, 'intents')}</h4>
              <ul>
                {Object.entries(step.intents || {}).map(([intent, target]) => (
                  <li key={intent}><code>#{intent}</code> → <code>{target}</code></li>
                ))}
              </ul>
            </fieldset>
          )}
          {step.type === 'input' && (
            <>
              <Field label={t(locale, 'slot')} value={step.slot} onChange={(v) => set(['slot'], v)} disabled={disabled} />
              <Choice label={t(locale, 'entity')} value={step.entity} options={ENTITY_TYPES} onChange={(v) => set(['entity'], v)} disabled={disabled} />
              <Field label={`${t(locale, 'validation')}: pattern`} value={step.validation && step.validation.pattern}
                onChange={(v) => set(['validation', 'pattern'], v)} disabled={disabled} />
              <Field label={`${t(locale, 'validation')}: maxDaysAhead`} type="number" value={step.validation && step.validation.maxDaysAhead}
                onChange={(v) => set(['validation', 'maxDaysAhead'], v)} disabled={disabled} />
              <Field label={`${t(locale, 'validation')}: min`} value={step.validation && step.validation.min}
                onChange={(v) => set(['validation', 'min'], v)} disabled={disabled} />
              <Field label={`${t(locale, 'validation')}: max`} value={step.validation && step.validation.max}
                onChange={(v) => set(['validation', 'max'], v)} disabled={disabled} />
              <Field label={t(locale, 'retries')} type="number" value={step.retries} onChange={(v) => set(['retries'], v)} disabled={disabled} />
              <TextField label={t(locale, 'invalidText')} value={step.invalidText} path={['invalidText']} flowLocales={flowLocales}
                limit={WHATSAPP_LIMITS.body} onChange={set} locale={locale} disabled={disabled} />
              <TargetField label={t(locale, 'onFail')} value={step.onFail} stepIds={stepIds} disabled={disabled}
                onChange={(v) => set(['onFail'], v)} />
            </>
          )}
          {step.type === 'condition' && (
            <fieldset>
              <legend>{t(locale, 'branches')}</legend>
              {(step.branches || []).map((branch, index) => (
                // eslint-disable-next-line react/no-array-index-key
                <div key={index} className="option">
                  <Field label={t(locale, 'when')} value={branch.when} onChange={(v) => set(['branches', index, 'when'], v)} disabled={disabled} />
                  <TargetField label={t(locale, 'next')} value={branch.next} stepIds={stepIds} disabled={disabled}
                    onChange={(v) => edit((doc) => connect(doc, selected, `branch:${index}`, v))} />
                </div>
              ))}
              <TargetField label={t(locale, 'otherwise')} value={step.otherwise} stepIds={stepIds} disabled={disabled}
                onChange={(v) => set(['otherwise'], v)} />
            </fieldset>
          )}
          {step.type === 'action' && (
            <>
              <Choice label={t(locale, 'action')} value={step.action} options={ACTIONS} onChange={(v) => set(['action'], v)} disabled={disabled} />
              <ParamsField value={step.params} onChange={(v) => set(['params'], v)} locale={locale} disabled={disabled} />
            </>
          )}
          {step.type === 'handoff' && (
            <>
              <Field label={t(locale, 'queue')} value={step.queue} onChange={(v) => set(['queue'], v)} disabled={disabled} testId="handoff-queue" />
              <Field label={t(locale, 'reason')} value={step.reason} onChange={(v) => set(['reason'], v)} disabled={disabled} />
            </>
          )}
          {step.type === 'subflow' && (
            <>
              <Field label={t(locale, 'calledFlow')} value={step.flow} onChange={(v) => set(['flow'], v)} disabled={disabled} />
              {step.flow && <a href={`#/flows/${step.flow}`}>{t(locale, 'openSubflow')} ↪</a>}
            </>
          )}
          {step.type === 'end' && (
            <Choice label={t(locale, 'disposition')} value={step.disposition} options={DISPOSITIONS} allowEmpty
              onChange={(v) => set(['disposition'], v)} disabled={disabled} />
          )}
          {['message', 'input', 'action', 'subflow'].includes(step.type) && (
            <TargetField label={t(locale, 'next')} value={step.next} stepIds={stepIds} disabled={disabled}
              onChange={(v) => set(['next'], v)} testId="step-next" />
          )}
        </div>
      )}
    </div>
  );
}

function ParamsField({ value, onChange, locale, disabled }) {
  const [draft, setDraft] = useState(null);
  const shown = draft ?? JSON.stringify(value || {});
  return (
    <label>
      {t(locale, 'params')}
      <input value={shown} disabled={disabled} onChange={(e) => {
        setDraft(e.target.value);
        try {
          onChange(JSON.parse(e.target.value));
          setDraft(null);
        } catch (err) { /* keep typing until it is JSON */ }
      }} />
    </label>
  );
}
