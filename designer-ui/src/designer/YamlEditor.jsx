import { useEffect, useRef, useState } from 'react';
import { basicSetup, EditorView } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { yaml } from '@codemirror/lang-yaml';
import { linter, lintGutter, forceLinting } from '@codemirror/lint';
import { autocompletion } from '@codemirror/autocomplete';
import { parseFlow, stepLine } from './flowModel.js';
import { schemaCompletions } from './schemaHints.js';
import { shadowContainer } from './shadowHost.js';

const sizing = EditorView.theme({ '&': { height: 'calc(100vh - 190px)', minHeight: '480px' }, '.cm-scroller': { overflow: 'auto' } });

/**
 * The flow's YAML in CodeMirror 6: edits flow back to the shared text (so the graph follows), and the text
 * follows graph edits. Errors come from the YAML parser and from the server's validation, pinned to the
 * step's line; completion offers the keys and values of the flow JSON Schema (GET /api/flow-schema).
 */
export function YamlEditor({ text, onChange, readOnly, flows, problems, focusStep }) {
  const host = useRef(null);
  const view = useRef(null);
  const latest = useRef({ onChange, problems });
  latest.current = { onChange, problems };
  const [schema, setSchema] = useState(null);

  useEffect(() => {
    flows.schema().then(setSchema).catch(() => setSchema({}));
  }, [flows]);

  useEffect(() => {
    if (!host.current || schema === null) return undefined;
    const diagnostics = (v) => {
      const source = v.state.doc.toString();
      const out = [];
      const parsed = parseFlow(source);
      parsed.errors.forEach((e) => {
        const line = v.state.doc.line(Math.min(Math.max(e.line || 1, 1), v.state.doc.lines));
        out.push({ from: line.from, to: line.to, severity: 'error', message: e.message });
      });
      (latest.current.problems || []).forEach((p) => {
        const n = (p.step && stepLine(source, p.step)) || 1;
        const line = v.state.doc.line(Math.min(n, v.state.doc.lines));
        out.push({ from: line.from, to: line.to, severity: 'error', message: p.step ? `${p.step}: ${p.message}` : p.message });
      });
      return out;
    };
    const { shadow, container } = shadowContainer(host.current);
    const editor = new EditorView({
      root: shadow,
      parent: container,
      state: EditorState.create({
        doc: text,
        extensions: [
          basicSetup,
          sizing,
          yaml(),
          lintGutter(),
          linter(diagnostics, { delay: 300 }),
          autocompletion({ override: [schemaCompletions(schema)] }),
          EditorState.readOnly.of(readOnly),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    const line = focusStep && stepLine(text, focusStep);
    if (line) {
      const at = editor.state.doc.line(Math.min(line, editor.state.doc.lines)).from;
      editor.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'start', yMargin: 40 }) });
    }
    return () => { editor.destroy(); view.current = null; };
  }, [schema, readOnly]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== text) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
    }
  }, [text]);

  useEffect(() => {
    if (view.current) forceLinting(view.current);
  }, [problems]);

  return <div className="yaml-editor" data-testid="yaml-editor" ref={host} />;
}
