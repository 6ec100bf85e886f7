// Images and documents sent by a flow. URLs come from the server, but the widget still only accepts http(s)
// URLs and same-origin paths (never javascript:, data: or //other-host), and React escapes every text.

/**
 * The URL to use for a media message, or null when it must not be used.
 * @param {string} url as sent by the server
 * @param {string} origin the chat page's origin, e.g. https://cobra.example
 */
export function safeMediaUrl(url, origin) {
  if (typeof url !== 'string' || url.length === 0 || url.length > 2000 || /[\s"<>\\]/.test(url)) {
    return null;
  }
  if (url.startsWith('/') && !url.startsWith('//')) {
    return { href: new URL(url, origin).href, sameOrigin: true };
  }
  let parsed;
  try {
    parsed = new URL(url);
  } catch (e) {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return null;
  }
  return { href: parsed.href, sameOrigin: parsed.origin === origin };
}

/**
 * How a media message is shown: an inline image (same origin only: the page's CSP allows images from itself),
 * a link to an image elsewhere, a download link for a document, or just the caption when the URL is unsafe.
 */
export function mediaView(media, caption, origin) {
  const safe = media ? safeMediaUrl(media.url, origin) : null;
  if (!safe) {
    return { kind: 'caption', caption: caption || '' };
  }
  if (media.type === 'image') {
    return safe.sameOrigin
      ? { kind: 'image', href: safe.href, alt: caption || '', caption: caption || '' }
      : { kind: 'image-link', href: safe.href, caption: caption || '' };
  }
  if (media.type === 'document') {
    const name = media.filename || lastPathPart(safe.href);
    return { kind: 'document', href: safe.href, filename: name, caption: caption || '' };
  }
  return { kind: 'caption', caption: caption || '' };
}

function lastPathPart(href) {
  try {
    const path = new URL(href).pathname;
    const name = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
    return name || 'documento';
  } catch (e) {
    return 'documento';
  }
}
