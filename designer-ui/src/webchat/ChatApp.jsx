import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import {
  ChatApiError,
  eventsUrl,
  loadTranscript,
  openSession,
  sendMessage,
  sessionStorageKey,
  transcriptEntries,
} from './chatApi.js';
import { chatText, conversationLanguage } from './messages.js';
import { linkify } from './linkify.js';
import { MediaMessage } from './MediaMessage.jsx';
import {
  activeOptionsSeq,
  addLocalReplies,
  addOwnMessage,
  addServerEntries,
  emptyTranscript,
} from './transcript.js';

function transcriptReducer(state, action) {
  switch (action.type) {
    case 'reset':
      return emptyTranscript();
    case 'own':
      return addOwnMessage(state, action.text);
    case 'replies':
      return addLocalReplies(state, action.replies);
    case 'server':
      return addServerEntries(state, action.entries, action.source);
    default:
      return state;
  }
}

function readStoredSession(key) {
  try {
    return window.sessionStorage.getItem(key);
  } catch (e) {
    return null;
  }
}

function storeSession(key, sessionId) {
  try {
    if (sessionId) {
      window.sessionStorage.setItem(key, sessionId);
    } else {
      window.sessionStorage.removeItem(key);
    }
  } catch (e) {
    // Private mode without storage: the chat still works, it just does not survive a reload.
  }
}

function MessageText({ text }) {
  return linkify(text).map((part, index) =>
    part.type === 'link' ? (
      <a key={index} href={part.value} target="_blank" rel="noopener noreferrer">
        {part.value}
      </a>
    ) : (
      <span key={index}>{part.value}</span>
    ),
  );
}

function Message({ item, locale, active, busy, onChoose }) {
  const who = chatText(locale, item.from === 'debtor' ? 'you' : item.from === 'agent' ? 'agent' : 'bot');
  return (
    <li className={`msg msg-${item.from}`} data-testid="message" data-from={item.from}>
      <span className="sr-only">{who}: </span>
      {item.from === 'agent' && (
        <span className="msg-author" aria-hidden="true">
          {who}
        </span>
      )}
      {item.type === 'media' ? (
        <MediaMessage media={item.media} caption={item.text} locale={locale} origin={window.location.origin} />
      ) : (
        item.text && (
          <p className="bubble">
            <MessageText text={item.text} />
          </p>
        )
      )}
      {item.type === 'options' && item.options.length > 0 && (
        <div
          className={item.options.length > 3 ? 'options options-list' : 'options'}
          role="group"
          aria-label={chatText(locale, 'optionsLabel')}
        >
          {item.options.map((option) => (
            <button
              key={option.id}
              type="button"
              className="option"
              data-option-id={option.id}
              disabled={!active || busy}
              onClick={() => onChoose(option)}
            >
              <span className="option-title">{option.title}</span>
              {option.description && <span className="option-description">{option.description}</span>}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}

/**
 * The debtor's chat: opens (or resumes) a session, shows the transcript, sends text and option choices,
 * and receives live pushes (bot turns and agent messages) over Server-Sent Events.
 */
export function ChatApp({ baseUrl = '', token, locale: pageLocale }) {
  const [transcript, dispatch] = useReducer(transcriptReducer, undefined, emptyTranscript);
  // The page's own texts follow the conversation's language (the bot follows the debtor's) once the server says it.
  const [serverLanguage, setServerLanguage] = useState(null);
  const locale = serverLanguage || pageLocale;
  const [sessionId, setSessionId] = useState(null);
  const [phase, setPhase] = useState('starting'); // starting | ready | invalid | failed
  const [connection, setConnection] = useState('connecting');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [draft, setDraft] = useState('');
  const [liveCount, setLiveCount] = useState(0);
  const inputRef = useRef(null);
  const listEndRef = useRef(null);
  const storageKey = sessionStorageKey(token);

  const start = useCallback(async () => {
    setPhase('starting');
    setError('');
    dispatch({ type: 'reset' });
    const stored = readStoredSession(storageKey);
    if (stored) {
      try {
        const body = await loadTranscript(baseUrl, stored);
        dispatch({ type: 'server', entries: transcriptEntries(body), source: 'history' });
        setSessionId(stored);
        setPhase('ready');
        return;
      } catch (e) {
        storeSession(storageKey, null); // expired or unknown session: start a fresh one
        dispatch({ type: 'reset' });
      }
    }
    try {
      const session = await openSession(baseUrl, token);
      storeSession(storageKey, session.sessionId);
      dispatch({ type: 'replies', replies: session.replies || [] });
      setServerLanguage((current) => conversationLanguage(session.locale) || current);
      setSessionId(session.sessionId);
      setPhase('ready');
    } catch (e) {
      const invalid = e instanceof ChatApiError && [400, 401, 403, 404, 410].includes(e.status) && token;
      setPhase(invalid ? 'invalid' : 'failed');
    }
  }, [baseUrl, token, storageKey]);

  useEffect(() => {
    start();
  }, [start]);

  // Live push. EventSource reconnects by itself; after a drop, the transcript is reloaded so that
  // messages pushed while disconnected are not missed (duplicates are merged away).
  useEffect(() => {
    if (!sessionId || typeof window.EventSource !== 'function') {
      return undefined;
    }
    const source = new window.EventSource(eventsUrl(baseUrl, sessionId));
    let lostOnce = false;
    source.onopen = () => {
      setConnection('connected');
      if (lostOnce) {
        loadTranscript(baseUrl, sessionId)
          .then((body) => dispatch({ type: 'server', entries: transcriptEntries(body), source: 'history' }))
          .catch(() => {});
      }
    };
    source.onerror = () => {
      lostOnce = true;
      setConnection('reconnecting');
    };
    source.onmessage = (event) => {
      try {
        const entry = JSON.parse(event.data);
        if (entry && (entry.text || entry.options || entry.media)) {
          setLiveCount((count) => count + 1);
          dispatch({ type: 'server', entries: [entry], source: 'push' });
        }
      } catch (e) {
        // A keep-alive or malformed event: nothing to show.
      }
    };
    return () => source.close();
  }, [baseUrl, sessionId]);

  useEffect(() => {
    if (listEndRef.current && listEndRef.current.scrollIntoView) {
      listEndRef.current.scrollIntoView({ block: 'end' });
    }
  }, [transcript.items.length, busy]);

  const send = useCallback(
    async (message, shownText) => {
      if (!sessionId || busy) {
        return;
      }
      setBusy(true);
      setError('');
      dispatch({ type: 'own', text: shownText });
      try {
        const body = await sendMessage(baseUrl, sessionId, message);
        dispatch({ type: 'replies', replies: (body && body.replies) || [] });
        setServerLanguage((current) => conversationLanguage(body && body.locale) || current);
      } catch (e) {
        if (e instanceof ChatApiError && e.status === 404) {
          storeSession(storageKey, null);
        }
        setError(chatText(locale, 'genericError'));
      } finally {
        setBusy(false);
        if (inputRef.current) {
          inputRef.current.focus();
        }
      }
    },
    [baseUrl, sessionId, busy, locale, storageKey],
  );

  const onSubmit = (event) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) {
      return;
    }
    setDraft('');
    send({ text }, text);
  };

  if (phase === 'invalid') {
    return (
      <main className="chat chat-notice" lang={locale}>
        <h1 data-testid="invalid-link">{chatText(locale, 'invalidLinkTitle')}</h1>
        <p>{chatText(locale, 'invalidLinkBody')}</p>
      </main>
    );
  }
  if (phase === 'failed') {
    return (
      <main className="chat chat-notice" lang={locale}>
        <h1>{chatText(locale, 'startError')}</h1>
        <button type="button" className="send" onClick={start}>
          {chatText(locale, 'retry')}
        </button>
      </main>
    );
  }

  const activeSeq = activeOptionsSeq(transcript);
  return (
    <main className="chat" lang={locale}>
      <header className="chat-header">
        <h1>{chatText(locale, 'title')}</h1>
        <p className="chat-status" role="status" data-testid="connection" data-state={connection}>
          {chatText(locale, 'subtitle')} · {chatText(locale, connection)}
        </p>
      </header>
      <ol className="messages" aria-label={chatText(locale, 'conversationLabel')} aria-live="polite" data-testid="messages"
        data-live-count={liveCount}>
        {transcript.items.map((item) => (
          <Message
            key={item.seq}
            item={item}
            locale={locale}
            active={item.seq === activeSeq}
            busy={busy}
            onChoose={(option) => send({ optionId: option.id }, option.title)}
          />
        ))}
        {(busy || phase === 'starting') && (
          <li className="msg msg-bot typing" data-testid="typing">
            <p className="bubble">{chatText(locale, 'typing')}</p>
          </li>
        )}
        <li ref={listEndRef} aria-hidden="true" className="end" />
      </ol>
      {error && (
        <p className="chat-error" role="alert">
          {error}
        </p>
      )}
      <form className="composer" onSubmit={onSubmit}>
        <label htmlFor="chat-input" className="sr-only">
          {chatText(locale, 'inputLabel')}
        </label>
        <input
          id="chat-input"
          ref={inputRef}
          type="text"
          autoComplete="off"
          maxLength={1000}
          placeholder={chatText(locale, 'placeholder')}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          disabled={phase !== 'ready'}
        />
        <button type="submit" className="send" disabled={phase !== 'ready' || busy || !draft.trim()}>
          {chatText(locale, 'send')}
        </button>
      </form>
    </main>
  );
}
