import { useEffect, useRef, useState } from 'react';
import { MergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView, basicSetup } from 'codemirror';
import { yaml } from '@codemirror/lang-yaml';
import { diffSteps } from './flowModel.js';
import { formatTime } from './FlowList.jsx';
import { t } from './strings.js';
import { shadowContainer } from './shadowHost.js';

const DRAFT = 'draft';

function YamlDiff({ before, after }) {
  const host = useRef(null);
  useEffect(() => {
    if (!host.current) return undefined;
    const extensions = [basicSetup, EditorView.theme({ '&': { maxHeight: '60vh' }, '.cm-scroller': { overflow: 'auto' } }), yaml(), EditorState.readOnly.of(true), EditorView.editable.of(false)];
    const { shadow, container } = shadowContainer(host.current);
    const view = new MergeView({
      a: { doc: before, extensions },
      b: { doc: after, extensions },
      parent: container,
      root: shadow,
      collapseUnchanged: { margin: 3, minSize: 6 },
    });
    return () => view.destroy();
  }, [before, after]);
  return <div className="yaml-diff" data-testid="yaml-diff" ref={host} />;
}

/** Publication history, a diff of any two versions (or a version and the draft), and roll back. */
export function Versions({ flowId, flows, locale, canEdit, draftText, onRestored }) {
  const [history, setHistory] = useState(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(DRAFT);
  const [diff, setDiff] = useState(null);
  const [status, setStatus] = useState({ kind: '', text: '' });

  const reload = () => flows.versions(flowId).then((list) => {
    setHistory(list);
    if (list.length && !from) setFrom(String(list[list.length > 1 ? 1 : 0].version));
  }).catch((e) => setStatus({ kind: 'error', text: e.message }));
  useEffect(() => { reload(); }, [flowId]); // eslint-disable-line react-hooks/exhaustive-deps

  const textOf = async (which) => (which === DRAFT ? draftText : (await flows.version(flowId, Number(which))).yaml);

  const compare = async (e) => {
    e.preventDefault();
    try {
      const [before, after] = await Promise.all([textOf(from), textOf(to)]);
      setDiff({ before, after, steps: diffSteps(before, after), from, to });
    } catch (err) {
      setStatus({ kind: 'error', text: err.message });
    }
  };

  const rollback = async (version) => {
    try {
      const restored = await flows.restore(flowId, version);
      const published = await flows.publish(flowId);
      onRestored({ ...restored, publishedVersion: published });
      setStatus({ kind: 'ok', text: t(locale, 'restored', { from: version, version: published }) });
      setDiff(null);
      reload();
    } catch (err) {
      setStatus({ kind: 'error', text: err.message });
    }
  };

  if (!history) return <p>{t(locale, 'loading')}</p>;
  const label = (v) => (v === DRAFT ? t(locale, 'currentDraft') : `v${v}`);
  return (
    <div className="versions" data-testid="versions">
      <h3>{t(locale, 'history')}</h3>
      <span role="status" data-testid="versions-status" className={status.kind}>{status.text}</span>
      <table>
        <thead><tr><th>{t(locale, 'version')}</th><th>{t(locale, 'publishedAt')}</th><th>{t(locale, 'by')}</th><th /></tr></thead>
        <tbody>
          {history.map((v) => (
            <tr key={v.version} data-version={v.version}>
              <td>v{v.version}</td>
              <td>{formatTime(locale, v.publishedAt)}</td>
              <td>{v.publishedBy}</td>
              <td>{canEdit && (
                <button type="button" data-testid={`rollback-${v.version}`} onClick={() => rollback(v.version)}>
                  {t(locale, 'rollback', { version: v.version })}
                </button>
              )}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="row compare" onSubmit={compare}>
        <label>{t(locale, 'from')}
          <select value={from} onChange={(e) => setFrom(e.target.value)} data-testid="diff-from">
            {history.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
            <option value={DRAFT}>{label(DRAFT)}</option>
          </select>
        </label>
        <label>{t(locale, 'to')}
          <select value={to} onChange={(e) => setTo(e.target.value)} data-testid="diff-to">
            {history.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
            <option value={DRAFT}>{label(DRAFT)}</option>
          </select>
        </label>
        <button type="submit" data-testid="compare">{t(locale, 'compare')}</button>
      </form>
      {diff && (
        <div data-testid="diff" data-from={diff.from} data-to={diff.to}>
          <h4>{label(diff.from)} → {label(diff.to)}</h4>
          <ul className="step-diff">
            <li>{t(locale, 'stepsAdded')}: <span data-testid="steps-added">{diff.steps.added.join(', ') || '—'}</span></li>
            <li>{t(locale, 'stepsRemoved')}: <span data-testid="steps-removed">{diff.steps.removed.join(', ') || '—'}</span></li>
            <li>{t(locale, 'stepsChanged')}: <span data-testid="steps-changed">{diff.steps.changed.join(', ') || '—'}</span></li>
          </ul>
          <YamlDiff before={diff.before} after={diff.after} />
        </div>
      )}
    </div>
  );
}
