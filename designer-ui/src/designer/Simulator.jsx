import { useEffect, useRef, useState } from 'react';
import { t } from './strings.js';
import { sessionToTest } from './recording.js';

function percent(confidence) {
  return `${Math.round(confidence * 100)}%`;
}

function NluPanel({ nlu, locale }) {
  if (!nlu) return null;
  return (
    <div className="nlu" data-testid="nlu">
      <h4>{t(locale, 'nluResult')}: «{nlu.text}»</h4>
      <p>
        {t(locale, 'intent')}: <strong data-testid="nlu-intent">{nlu.intent.name}</strong>{' '}
        {t(locale, 'confidence')}: <strong data-testid="nlu-confidence">{nlu.intent.confidence.toFixed(2)}</strong>{' '}
        {t(locale, 'fallback')}: <span data-testid="nlu-fallback">{t(locale, nlu.fallback ? 'yes' : 'no')}</span>
      </p>
      <ol className="ranking">
        {nlu.intent_ranking.map((r) => (
          <li key={r.name}><code>{r.name}</code> <meter min="0" max="1" value={r.confidence} /> {percent(r.confidence)}</li>
        ))}
      </ol>
      {nlu.entities.length > 0 && (
        <p>{t(locale, 'entities')}: {nlu.entities.map((e) => `${e.entity}=${e.value} («${e.text}»)`).join(', ')}</p>
      )}
    </div>
  );
}

/**
 * Chats with the DRAFT (the text being edited, saved or not) as a sample debtor. Nothing is stored and no one
 * is contacted; the current step is reported to the graph for highlighting.
 */
export function Simulator({ flowId, flows, locale, text, stepIds, onPosition, canRecord }) {
  const [sample, setSample] = useState({ daysPastDue: 10, locale: 'es', channel: 'webchat' });
  const [session, setSession] = useState(null);
  const [turns, setTurns] = useState([]);
  const [input, setInput] = useState('');
  const [jumpTo, setJumpTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [lastNlu, setLastNlu] = useState(null);
  const [recorded, setRecorded] = useState([]);
  const [testName, setTestName] = useState('');
  const [saved, setSaved] = useState('');
  const transcript = useRef(null);
  useEffect(() => {
    if (transcript.current) transcript.current.scrollTop = transcript.current.scrollHeight;
  }, [turns]);

  const apply = (view, debtorSays, input) => {
    setRecorded((previous) => [...(input && input.reset ? [] : previous), {
      say: input && input.say, option: input && input.option, jump: input && input.jump, replies: view.replies,
      flow: view.currentFlow, step: view.step, status: view.status,
    }]);
    setSession(view);
    if (view.nlu) setLastNlu(view.nlu);
    setTurns((previous) => [
      ...previous,
      ...(debtorSays ? [{ from: 'debtor', text: debtorSays }] : []),
      ...view.replies.map((r) => ({ from: 'bot', ...r })),
    ]);
    onPosition({ flow: view.currentFlow, step: view.step });
  };

  const run = async (action, debtorSays, reset, input) => {
    setBusy(true);
    setError('');
    try {
      const view = await action();
      if (reset) { setTurns([]); setLastNlu(null); setSaved(''); }
      apply(view, debtorSays, input || (reset ? { reset: true } : null));
    } catch (e) {
      setError(e.message);
    } finally {
      setBusy(false);
    }
  };

  const start = () => run(() => flows.simulate(flowId, { ...sample, yaml: text }), null, true);
  const record = async (e) => {
    e.preventDefault();
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Bogota' });
    try {
      const yaml = sessionToTest({ description: testName.trim(), sample, today, turns: recorded });
      await flows.tests.save(flowId, testName.trim(), yaml);
      setSaved(testName.trim());
      setTestName('');
    } catch (err) {
      setError(err.message);
    }
  };
  const send = (e) => {
    e.preventDefault();
    const message = input.trim();
    if (!message || !session) return;
    setInput('');
    run(() => flows.say(flowId, session.sessionId, { text: message }), message, false, { say: message });
  };
  const choose = (option) => run(() => flows.say(flowId, session.sessionId, { optionId: option.id }), option.title, false,
    { option: option.id });
  const lastOptionsIndex = turns.map((turn) => turn.type === 'options').lastIndexOf(true);

  return (
    <div className={`simulator channel-${sample.channel}`} data-testid="simulator">
      <form className="sample" onSubmit={(e) => { e.preventDefault(); start(); }}>
        <p className="muted">{t(locale, 'sampleDebtor')}</p>
        <label>{t(locale, 'daysPastDue')}
          <input type="number" value={sample.daysPastDue} data-testid="sim-days"
            onChange={(e) => setSample({ ...sample, daysPastDue: Number(e.target.value) })} />
        </label>
        <label>{t(locale, 'locale')}
          <select value={sample.locale} onChange={(e) => setSample({ ...sample, locale: e.target.value })} data-testid="sim-locale">
            <option value="es">es</option><option value="en">en</option>
          </select>
        </label>
        <label>{t(locale, 'channel')}
          <select value={sample.channel} onChange={(e) => setSample({ ...sample, channel: e.target.value })} data-testid="sim-channel">
            <option value="webchat">webchat</option><option value="whatsapp">WhatsApp</option>
          </select>
        </label>
        <button type="submit" disabled={busy} data-testid="sim-start" className="primary">
          {session ? t(locale, 'simRestart') : t(locale, 'simStart')}
        </button>
      </form>
      {error && <p role="alert" className="error" data-testid="sim-error">{error}</p>}
      {session && (
        <>
          <ol className="sim-transcript" data-testid="sim-transcript" aria-live="polite" ref={transcript}>
            {turns.map((turn, index) => (
              // eslint-disable-next-line react/no-array-index-key
              <li key={index} className={`bubble from-${turn.from}`} data-testid="sim-message" data-from={turn.from}>
                <span className="bubble-text">{turn.text}</span>
                {turn.type === 'options' && (
                  <span className={`sim-options${sample.channel === 'whatsapp' && turn.options.length > 3 ? ' as-list' : ''}`}>
                    {turn.options.map((option) => (
                      <button key={option.id} type="button" data-option-id={option.id}
                        disabled={busy || index !== lastOptionsIndex} onClick={() => choose(option)}>{option.title}</button>
                    ))}
                  </span>
                )}
              </li>
            ))}
          </ol>
          <form className="sim-say" onSubmit={send}>
            <input aria-label={t(locale, 'simSay')} value={input} onChange={(e) => setInput(e.target.value)}
              data-testid="sim-input" disabled={busy} />
            <button type="submit" disabled={busy || !input.trim()}>{t(locale, 'send')}</button>
          </form>
          <div className="sim-state">
            <p>{t(locale, 'currentStep')}: <code data-testid="sim-step">{session.currentFlow}.{session.step}</code>
              {' '}<span className="tag">{session.status}</span>
              {session.stack.length > 0 && <span className="muted"> ({session.stack.map((f) => f.flowId).join(' › ')})</span>}
            </p>
            <form className="row" onSubmit={(e) => {
              e.preventDefault();
              if (jumpTo) run(() => flows.jump(flowId, session.sessionId, jumpTo), null, false, { jump: true });
            }}>
              <select value={jumpTo} onChange={(e) => setJumpTo(e.target.value)} aria-label={t(locale, 'simJump')} data-testid="sim-jump-step">
                <option value="">—</option>
                {stepIds.map((id) => <option key={id} value={id}>{id}</option>)}
              </select>
              <button type="submit" disabled={!jumpTo || busy} data-testid="sim-jump">{t(locale, 'simJump')}</button>
            </form>
            <NluPanel nlu={lastNlu} locale={locale} />
            {canRecord && !recorded.some((r) => r.jump) && (
              <form className="row" onSubmit={record} data-testid="record-form">
                <input aria-label={t(locale, 'testName')} placeholder={t(locale, 'testName')} value={testName}
                  onChange={(e) => setTestName(e.target.value)} data-testid="record-name" />
                <button type="submit" disabled={!testName.trim() || busy} data-testid="record">{t(locale, 'record')}</button>
                {saved && <span className="ok" role="status">{t(locale, 'testSaved', { name: saved })}</span>}
              </form>
            )}
            <details open>
              <summary>{t(locale, 'slots')}</summary>
              <pre data-testid="sim-slots">{JSON.stringify(session.slots, null, 1)}</pre>
            </details>
            {session.behaviours && session.behaviours.length > 0 && (
              <p className="sim-behaviours" data-testid="sim-behaviours">
                {t(locale, 'behaviours')}: {session.behaviours.join(', ')}
              </p>
            )}
            {session.effects.length > 0 && (
              <details open>
                <summary>{t(locale, 'effects')}</summary>
                <ul>{session.effects.map((e, i) => <li key={i}>{e}</li>)}</ul>
              </details>
            )}
          </div>
        </>
      )}
    </div>
  );
}
