// Small shared pieces of the operations screens: loading data, showing errors, downloads, CSV.
import { useCallback, useEffect, useState } from 'react';

/**
 * Runs `load()` (a promise) on mount and whenever `deps` change; {data, error, loading, reload}. A 404 answer
 * from a route another part of the product adds later is an error with status 404, which screens may show as
 * "not available yet".
 */
export function useLoad(load, deps = []) {
  const [state, setState] = useState({ data: undefined, error: null, loading: true });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    Promise.resolve()
      .then(load)
      .then((data) => live && setState({ data, error: null, loading: false }))
      .catch((error) => live && setState({ data: undefined, error, loading: false }));
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { ...state, reload };
}

/** Calls `fn` every `ms` while mounted (live figures). */
export function useInterval(fn, ms, enabled = true) {
  useEffect(() => {
    if (!enabled) return undefined;
    const timer = setInterval(fn, ms);
    return () => clearInterval(timer);
  }, [ms, enabled]);
}

/** An API error as a sentence; the runtime's {error, message} keeps its message. */
export function Problem({ error }) {
  if (!error) return null;
  return <p role="alert" className="error">{error.message || String(error)}</p>;
}

/** Offers `text` as a file download (the file is built in the browser; nothing leaves the page). */
export function download(filename, text, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** RFC 4180 CSV: a header line and one line per row; cells with commas, quotes or line breaks are quoted. */
export function toCsv(columns, rows) {
  const cell = (value) => {
    const text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns, ...rows.map((row) => columns.map((c) => row[c]))].map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** A local date-time for tables. */
export function when(instant, locale) {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/** A link inside the console that navigates without a reload (keyboard: Enter works as on any link). */
export function ConsoleLink({ to, navigate, path, children, ...rest }) {
  return (
    <a href={path} {...rest} onClick={(e) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey) return;
      e.preventDefault();
      navigate(to);
    }}>{children}</a>
  );
}
