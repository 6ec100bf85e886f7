import { useEffect, useState } from 'react';
import { t } from './strings.js';

/** The flow's conversation tests: list, run against the text being edited, pass/fail with the diverging turn. */
export function ConversationTests({ flowId, flows, locale, canEdit, text }) {
  const [tests, setTests] = useState(null);
  const [results, setResults] = useState({});
  const [running, setRunning] = useState(false);
  const [error, setError] = useState('');
  const reload = () => flows.tests.list(flowId).then(setTests).catch((e) => setError(e.message));
  useEffect(() => { reload(); }, [flowId]); // eslint-disable-line react-hooks/exhaustive-deps

  const run = async () => {
    setRunning(true);
    setError('');
    try {
      const outcome = await flows.tests.run(flowId, text);
      const byId = {};
      outcome.results.forEach((r) => { byId[r.id] = r; });
      setResults(byId);
    } catch (e) {
      setError(e.message);
    } finally {
      setRunning(false);
    }
  };
  const remove = async (id) => {
    try {
      await flows.tests.remove(flowId, id);
      reload();
    } catch (e) {
      setError(e.message);
    }
  };

  if (!tests) return <p>{error || t(locale, 'loading')}</p>;
  return (
    <div className="conversation-tests" data-testid="conversation-tests">
      <div className="row">
        <h3>{t(locale, 'tests')}</h3>
        {canEdit && <button type="button" className="primary" onClick={run} disabled={running || !tests.length}
          data-testid="run-tests">{running ? t(locale, 'running') : t(locale, 'runTests')}</button>}
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {!tests.length && <p className="muted">{t(locale, 'noTests')}</p>}
      <ul className="test-list">
        {tests.map((test) => {
          const result = results[test.id];
          return (
            <li key={test.id} data-test-id={test.id} data-result={result ? (result.passed ? 'passed' : 'failed') : ''}>
              <strong>{test.name}</strong>{' '}
              {test.shipped && <span className="tag">{t(locale, 'shipped')}</span>}{' '}
              <span className="muted">{t(locale, 'turns', { count: test.turns })}</span>{' '}
              {result && (
                <span className={`badge ${result.passed ? 'ok' : 'error'}`}>
                  {t(locale, result.passed ? 'passed' : 'failed')}
                  {!result.passed && result.turn > 0 && ` · ${t(locale, 'atTurn', { turn: result.turn })}`}
                </span>
              )}
              {canEdit && !test.shipped && <button type="button" onClick={() => remove(test.id)}>{t(locale, 'delete')}</button>}
              {test.description && <div className="muted">{test.description}</div>}
              {result && !result.passed && (
                <div className="test-failure" data-testid="test-failure">
                  <p className="error">{result.message}</p>
                  {result.said.length > 0 && <ul>{result.said.map((line, i) => <li key={i}>{line}</li>)}</ul>}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
