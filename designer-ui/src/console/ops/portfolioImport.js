// Portfolio files in the browser: split into chunks the import API accepts (each request stays far below the
// 10 MB / 50,000-row limits, and the bar moves as chunks are done), then merge the chunk reports into one whose
// row numbers are those of the whole file (CONTRACTS: rows numbered from 1, the CSV header not counted).

export const CHUNK_ROWS = 2000;

/**
 * Splits CSV text into its header and data records, quote-aware (a quoted cell may hold commas and line
 * breaks). Records keep their original text; a trailing empty line is dropped.
 */
export function splitCsv(text) {
  const records = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      records.push(text.slice(start, i));
      if (c === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  if (start < text.length) records.push(text.slice(start));
  const nonEmpty = records.filter((r, i) => i === 0 || r.trim() !== '');
  return { header: nonEmpty[0] || '', rows: nonEmpty.slice(1) };
}

/** [{body, contentType, firstRow}] for a file's text; JSON must be an array, anything else is sent as CSV. */
export function chunksOf(text, kind, size = CHUNK_ROWS) {
  if (kind === 'json') {
    const rows = JSON.parse(text); // a syntax error surfaces to the caller as the file's problem
    if (!Array.isArray(rows)) throw new Error('expected_array');
    const chunks = [];
    for (let i = 0; i < Math.max(rows.length, 1); i += size) {
      chunks.push({ body: JSON.stringify(rows.slice(i, i + size)), contentType: 'application/json', firstRow: i + 1, count: Math.min(size, rows.length - i) });
    }
    return chunks;
  }
  const { header, rows } = splitCsv(text.replace(/^\uFEFF/, ''));
  const chunks = [];
  for (let i = 0; i < Math.max(rows.length, 1); i += size) {
    const part = rows.slice(i, i + size);
    chunks.push({ body: `${header}\r\n${part.join('\r\n')}\r\n`, contentType: 'text/csv', firstRow: i + 1, count: part.length });
  }
  return chunks;
}

/** 'json' for .json files (or a JSON type), else 'csv'. */
export function kindOf(file) {
  return /\.json$/i.test(file.name) || file.type === 'application/json' ? 'json' : 'csv';
}

/** Adds one chunk's answer to the running total, renumbering its rejected rows to the whole file. */
export function mergeReport(total, report, firstRow) {
  return {
    imported: total.imported + (report.imported || 0),
    updated: total.updated + (report.updated || 0),
    rejected: [...total.rejected, ...(report.rejected || []).map((r) => ({ ...r, row: r.row + firstRow - 1 }))],
  };
}

export const EMPTY_REPORT = { imported: 0, updated: 0, rejected: [] };

/** The error report as CSV: one line per rejected row. */
export function rejectedCsvRows(report) {
  return report.rejected.map((r) => ({ row: r.row, id: r.id || '', errors: (r.errors || []).join(' | ') }));
}
