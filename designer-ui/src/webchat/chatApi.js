// The debtor-facing webchat API (CONTRACTS.md, Webchat). Every function takes the base URL of the runtime
// ('' when the page is served by it) and an optional fetch for tests.

export class ChatApiError extends Error {
  constructor(status, code, message) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code || 'http_error';
  }
}

async function call(fetchFn, url, init) {
  let response;
  try {
    response = await fetchFn(url, {
      ...init,
      headers: { Accept: 'application/json', ...(init && init.body ? { 'Content-Type': 'application/json' } : {}) },
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new ChatApiError(0, 'network', e && e.message);
  }
  const body = await response.text();
  let json = null;
  try {
    json = body ? JSON.parse(body) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    throw new ChatApiError(response.status, json && json.error, json && json.message);
  }
  return json;
}

/** Opens a session from a deep-link token, or anonymously when the token is empty. */
export function openSession(baseUrl, token, fetchFn = fetch) {
  const body = token ? { token } : {};
  return call(fetchFn, `${baseUrl}/webchat/api/sessions`, { method: 'POST', body: JSON.stringify(body) });
}

/** Sends typed text ({text}) or a chosen option ({optionId}); answers {replies}. */
export function sendMessage(baseUrl, sessionId, message, fetchFn = fetch) {
  return call(fetchFn, `${baseUrl}/webchat/api/sessions/${encodeURIComponent(sessionId)}/messages`, {
    method: 'POST',
    body: JSON.stringify(message),
  });
}

/** The transcript so far, oldest first. */
export function loadTranscript(baseUrl, sessionId, fetchFn = fetch) {
  return call(fetchFn, `${baseUrl}/webchat/api/sessions/${encodeURIComponent(sessionId)}/messages`, { method: 'GET' });
}

export function eventsUrl(baseUrl, sessionId) {
  return `${baseUrl}/webchat/api/sessions/${encodeURIComponent(sessionId)}/events`;
}

/** The token of a deep link `/chat/<token>`; '' for the anonymous page `/chat/`. */
export function tokenFromPath(pathname) {
  const match = /\/chat\/([^/?#]+)/.exec(pathname || '');
  return match ? decodeURIComponent(match[1]) : '';
}

/** Where the session id survives a reload: one entry per link so two tabs with two links do not mix. */
export function sessionStorageKey(token) {
  return `cobra.webchat.session.${token || 'anonymous'}`;
}

/** Accepts the transcript as an array or wrapped ({messages:[...]}) to be lenient with the server. */
export function transcriptEntries(body) {
  if (Array.isArray(body)) {
    return body;
  }
  if (body && Array.isArray(body.messages)) {
    return body.messages;
  }
  return [];
}
