// Small React hooks of the console: client-side routing, the live agents' stream, a ticking clock.
import { useEffect, useRef, useState } from 'react';
import { parseRoute, pathFor } from './routes.js';

/** [route, navigate(route, {replace})] over the History API. */
export function useRoute() {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = (next, { replace = false } = {}) => {
    const path = pathFor(next);
    if (path !== window.location.pathname) {
      if (replace) window.history.replaceState(null, '', path);
      else window.history.pushState(null, '', path);
    }
    setRoute(parseRoute(path));
  };
  return [route, navigate];
}

/**
 * The latest snapshot of GET /api/agent/events ({waiting, chats}) and the connection state
 * ('connecting' | 'connected' | 'reconnecting'); the stream reconnects by itself.
 */
export function useLive(api, enabled) {
  const [snapshot, setSnapshot] = useState(null);
  const [connection, setConnection] = useState('connecting');
  useEffect(() => {
    if (!enabled) return undefined;
    const stop = api.stream('/api/agent/events', ({ event, data }) => {
      if (event === 'queue' && data && typeof data === 'object') setSnapshot(data);
    }, { onState: setConnection });
    return stop;
  }, [api, enabled]);
  return { snapshot, connection };
}

/** The current time in ms, re-read every `intervalMs`. */
export function useNow(intervalMs = 1000) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The previous render's value. */
export function usePrevious(value) {
  const ref = useRef();
  useEffect(() => {
    ref.current = value;
  }, [value]);
  return ref.current;
}
