import { useCallback, useEffect, useMemo, useState } from 'react';
import { GraphView } from './GraphView.jsx';
import { Inspector } from './Inspector.jsx';
import { Simulator } from './Simulator.jsx';
import { Versions } from './Versions.jsx';
import { ConversationTests } from './ConversationTests.jsx';
import { YamlEditor } from './YamlEditor.jsx';
import { parseFlow, stringify, toGraph } from './flowModel.js';
import { t } from './strings.js';

const VALIDATE_DELAY_MS = 500;

/** Live server validation of the text being edited (debounced; the latest answer wins). */
function useValidation(flows, flowId, text, enabled) {
  const [validation, setValidation] = useState(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!text || !enabled) return undefined; // validation is a designer's call (DESIGNER, ADMIN)
    const controller = new AbortController();
    setBusy(true);
    const timer = setTimeout(() => {
      flows.validate(flowId, text, controller.signal)
        .then((v) => { setValidation(v); setBusy(false); })
        .catch((e) => {
          if (e.name === 'AbortError') return;
          setValidation({ valid: false, errors: [{ step: null, message: e.message }] });
          setBusy(false);
        });
    }, VALIDATE_DELAY_MS);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [flows, flowId, text, enabled]);
  return { validation, validating: busy };
}

/** One flow: graph or YAML (always in sync), inspector or simulator, versions; save and publish. */
export function FlowEditor({ flowId, flows, locale, canEdit }) {
  const [loaded, setLoaded] = useState(null);
  const [text, setText] = useState('');
  const [savedText, setSavedText] = useState('');
  const [tab, setTab] = useState('graph');
  const [pane, setPane] = useState('inspector');
  const [selected, setSelected] = useState(null);
  const [status, setStatus] = useState({ kind: '', text: '' });
  const [simPosition, setSimPosition] = useState(null);
  const [editError, setEditError] = useState('');

  const load = useCallback(() => flows.get(flowId).then((view) => {
    setLoaded(view);
    setText(view.yaml);
    setSavedText(view.yaml);
  }).catch((e) => setStatus({ kind: 'error', text: e.message })), [flows, flowId]);
  useEffect(() => { load(); }, [load]);

  const parsed = useMemo(() => parseFlow(text), [text]);
  const graph = useMemo(() => (parsed.flow ? toGraph(parsed.flow, locale) : null), [parsed, locale]);
  const { validation, validating } = useValidation(flows, flowId, text, canEdit);
  const problemsByStep = useMemo(() => {
    const map = {};
    ((validation && validation.errors) || []).forEach((p) => {
      const key = p.step || '';
      (map[key] = map[key] || []).push(p.message);
    });
    return map;
  }, [validation]);

  /** Applies a graph/inspector edit to the YAML document in place; returns false (and shows why) on failure. */
  const edit = useCallback((change) => {
    const fresh = parseFlow(text);
    if (fresh.errors.length) {
      setEditError(t(locale, 'yamlInvalid'));
      return false;
    }
    try {
      change(fresh.doc, fresh.flow);
      setText(stringify(fresh.doc));
      setEditError('');
      return true;
    } catch (e) {
      setEditError(e.message);
      return false;
    }
  }, [text, locale]);

  const dirty = text !== savedText;

  const save = async () => {
    try {
      const view = await flows.save(flowId, text);
      setSavedText(text);
      setLoaded(view);
      setStatus({ kind: 'ok', text: t(locale, 'saved', { version: view.draftVersion }) });
      return true;
    } catch (e) {
      setStatus({ kind: 'error', text: e.message });
      return false;
    }
  };

  const publish = async () => {
    const check = await flows.validate(flowId, text);
    if (!check.valid) {
      setStatus({ kind: 'error', text: t(locale, 'publishBlocked', { count: check.errors.length }) });
      return;
    }
    try {
      const tests = await flows.tests.run(flowId, text);
      const failing = tests.results.filter((r) => !r.passed).length;
      if (failing > 0) {
        setStatus({ kind: 'error', text: t(locale, 'testsBlocked', { count: failing }) });
        return;
      }
    } catch (e) {
      setStatus({ kind: 'error', text: e.message });
      return;
    }
    if (dirty && !(await save())) return;
    try {
      const version = await flows.publish(flowId);
      setStatus({ kind: 'ok', text: t(locale, 'publishedVersion', { version }) });
      setLoaded(await flows.get(flowId));
    } catch (e) {
      setStatus({ kind: 'error', text: e.message });
    }
  };

  if (!loaded) return <p>{status.text || t(locale, 'loading')}</p>;
  const errorCount = validation ? validation.errors.length : 0;
  const stepIds = parsed.flow && parsed.flow.steps ? Object.keys(parsed.flow.steps) : [];

  return (
    <main className="flow-editor" data-flow-id={flowId}>
      <div className="toolbar">
        <a href="#/" className="back">{t(locale, 'back')}</a>
        <h2>{loaded.title || flowId} <code>{flowId}</code></h2>
        <span className="muted" data-testid="versions-summary">
          {t(locale, 'draft')} {loaded.draftVersion} · {t(locale, 'published')}{' '}
          {loaded.publishedVersion ? `v${loaded.publishedVersion}` : t(locale, 'never')}
        </span>
        <span data-testid="validation" data-valid={validation ? String(validation.valid) : ''}
          className={validation && !validation.valid ? 'badge error' : 'badge ok'}>
          {validating ? t(locale, 'validating') : validation && (validation.valid ? t(locale, 'valid') : t(locale, 'errors', { count: errorCount }))}
        </span>
        {canEdit && (
          <>
            <button type="button" onClick={save} disabled={!dirty} data-testid="save">{t(locale, 'save')}{dirty ? ' *' : ''}</button>
            <button type="button" onClick={publish} className="primary" data-testid="publish">{t(locale, 'publish')}</button>
          </>
        )}
        <span role="status" data-testid="status" className={status.kind}>{status.text}</span>
      </div>
      {editError && <p role="alert" className="error" data-testid="edit-error">{editError}</p>}
      <div className="tabs" role="tablist">
        {['graph', 'yaml', 'versions', 'tests'].map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} data-tab={name}
            onClick={() => setTab(name)}>{t(locale, name)}</button>
        ))}
      </div>
      <div className="editor-body">
        <section className="editor-main">
          {tab === 'graph' && (graph
            ? <GraphView flowId={flowId} graph={graph} problems={problemsByStep} selected={selected}
                onSelect={setSelected} current={simPosition && simPosition.flow === flowId ? simPosition.step : null}
                locale={locale} />
            : <p className="error">{t(locale, 'yamlInvalid')}</p>)}
          {tab === 'yaml' && <YamlEditor text={text} onChange={setText} readOnly={!canEdit} flows={flows}
            problems={validation ? validation.errors : []} focusStep={selected} />}
          {tab === 'versions' && <Versions flowId={flowId} flows={flows} locale={locale} canEdit={canEdit}
            draftText={text} onRestored={(view) => { setText(view.yaml); setSavedText(view.yaml); setLoaded(view); }} />}
          {tab === 'tests' && <ConversationTests flowId={flowId} flows={flows} locale={locale} canEdit={canEdit} text={text} />}
          {problemsByStep[''] && (
            <ul className="flow-problems" data-testid="flow-problems">
              {problemsByStep[''].map((m) => <li key={m}>{m}</li>)}
            </ul>
          )}
        </section>
        <aside className="editor-side">
          <div className="tabs" role="tablist">
            {(canEdit ? ['inspector', 'simulator'] : ['inspector']).map((name) => (
              <button key={name} type="button" role="tab" aria-selected={pane === name} data-pane={name}
                onClick={() => setPane(name)}>{t(locale, name)}</button>
            ))}
          </div>
          {pane === 'inspector' && (
            <Inspector flow={parsed.flow} stepIds={stepIds} selected={selected} onSelect={setSelected}
              edit={edit} locale={locale} canEdit={canEdit} problems={problemsByStep} />
          )}
          {pane === 'simulator' && canEdit && (
            <Simulator flowId={flowId} flows={flows} locale={locale} text={text} stepIds={stepIds}
              onPosition={setSimPosition} canRecord={canEdit} />
          )}
        </aside>
      </div>
    </main>
  );
}
