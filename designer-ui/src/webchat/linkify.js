// Splits message text into plain parts and web links. Only http(s) URLs become links; everything else is
// rendered by React as text, so no message can inject markup.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

export function linkify(text) {
  const parts = [];
  let last = 0;
  const source = text || '';
  for (const match of source.matchAll(URL_PATTERN)) {
    let url = match[0];
    const trailing = TRAILING_PUNCTUATION.exec(url);
    if (trailing) {
      url = url.slice(0, url.length - trailing[0].length);
    }
    if (match.index > last) {
      parts.push({ type: 'text', value: source.slice(last, match.index) });
    }
    parts.push({ type: 'link', value: url });
    last = match.index + url.length;
  }
  if (last < source.length) {
    parts.push({ type: 'text', value: source.slice(last) });
  }
  return parts;
}
