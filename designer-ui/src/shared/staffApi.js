// The staff REST API (CONTRACTS.md) as used by the console and the designer. Staff sign in with their
// username and password; the apps send them as HTTP Basic on every call (the runtime keeps no server
// session, so any instance behind a load balancer answers). The credentials live in sessionStorage only:
// closing the tab signs out. Every error surfaces as a StaffApiError carrying the runtime's JSON
// {error, message}.

const STORAGE_KEY = 'cobra.staff.credentials';

export class StaffApiError extends Error {
  constructor(status, code, message) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code || 'http_error';
  }
}

function encodeBasic(username, password) {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  bytes.forEach((b) => {
    binary += String.fromCharCode(b);
  });
  return `Basic ${btoa(binary)}`;
}

/** A client bound to one set of credentials; {@code fetchFn} is injectable for tests. */
export class StaffApi {
  constructor(username, password, { baseUrl = '', fetchFn } = {}) {
    this.username = username;
    this.authorization = encodeBasic(username, password);
    this.baseUrl = baseUrl;
    this.fetchFn = fetchFn || ((...args) => fetch(...args));
  }

  /** Sends a request; {@code body} objects go as JSON, strings as they are (set contentType for YAML). */
  async request(method, path, { body, contentType, accept = 'application/json', signal } = {}) {
    const headers = { Accept: accept, Authorization: this.authorization, 'X-Requested-With': 'XMLHttpRequest' };
    let payload;
    if (body !== undefined) {
      if (typeof body === 'string') {
        payload = body;
        headers['Content-Type'] = contentType || 'text/plain';
      } else {
        payload = JSON.stringify(body);
        headers['Content-Type'] = 'application/json';
      }
    }
    let response;
    try {
      response = await this.fetchFn(`${this.baseUrl}${path}`, { method, headers, body: payload, signal, credentials: 'omit' });
    } catch (e) {
      if (e && e.name === 'AbortError') throw e;
      throw new StaffApiError(0, 'network', 'The server cannot be reached. Check your connection.');
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      json = null;
    }
    if (!response.ok) {
      throw new StaffApiError(response.status, json && json.error, (json && json.message) || text || undefined);
    }
    return json !== null ? json : text;
  }

  get(path, options) {
    return this.request('GET', path, options);
  }

  post(path, body, options) {
    return this.request('POST', path, { ...options, body });
  }

  put(path, body, options) {
    return this.request('PUT', path, { ...options, body });
  }

  delete(path, options) {
    return this.request('DELETE', path, options);
  }

  /**
   * Follows a server-sent-events endpoint with the Basic header (EventSource cannot send one), calling
   * onEvent({event, data}) for each event, and reconnecting after a drop until the returned stop() is
   * called. data is parsed as JSON when it is JSON.
   */
  stream(path, onEvent, { onState = () => {}, retryMs = 2000 } = {}) {
    let stopped = false;
    let controller = null;
    const run = async () => {
      while (!stopped) {
        controller = new AbortController();
        try {
          const response = await this.fetchFn(`${this.baseUrl}${path}`, {
            headers: { Accept: 'text/event-stream', Authorization: this.authorization },
            signal: controller.signal,
            credentials: 'omit',
          });
          if (!response.ok || !response.body) throw new StaffApiError(response.status, 'stream_failed');
          onState('connected');
          await readEvents(response.body, onEvent);
        } catch (e) {
          if (stopped) return;
        }
        onState('reconnecting');
        await new Promise((resolve) => setTimeout(resolve, retryMs));
      }
    };
    run();
    return () => {
      stopped = true;
      if (controller) controller.abort();
    };
  }
}

/** Parses a text/event-stream body (https://html.spec.whatwg.org/multipage/server-sent-events.html). */
export async function readEvents(body, onEvent) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let boundary;
    while ((boundary = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary).replace(/^\r?\n\r?\n/, '');
      const event = parseEventBlock(block);
      if (event) onEvent(event);
    }
  }
}

export function parseEventBlock(block) {
  let event = 'message';
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  const raw = data.join('\n');
  try {
    return { event, data: JSON.parse(raw) };
  } catch (e) {
    return { event, data: raw };
  }
}

/** Signs in: checks the credentials against /api/me and remembers them for this tab. */
export async function signIn(username, password, options) {
  const api = new StaffApi(username, password, options);
  const user = await api.get('/api/me');
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ username, password }));
  return { api, user };
}

/** The session remembered in this tab, or null. */
export async function restoreSession(options) {
  const saved = sessionStorage.getItem(STORAGE_KEY);
  if (!saved) return null;
  try {
    const { username, password } = JSON.parse(saved);
    return await signIn(username, password, options);
  } catch (e) {
    sessionStorage.removeItem(STORAGE_KEY);
    return null;
  }
}

export function signOut() {
  sessionStorage.removeItem(STORAGE_KEY);
}

export function hasRole(user, ...roles) {
  return Boolean(user && user.roles && user.roles.some((r) => roles.includes(r)));
}
