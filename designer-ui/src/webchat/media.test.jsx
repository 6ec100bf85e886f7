import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { mediaView, safeMediaUrl } from './media.js';
import { MediaMessage } from './MediaMessage.jsx';

const ORIGIN = 'https://cobra.example';

describe('webchat media URLs', () => {
  it('accepts https, http and same-origin paths', () => {
    expect(safeMediaUrl('https://files.example.com/a.pdf', ORIGIN)).toEqual({
      href: 'https://files.example.com/a.pdf',
      sameOrigin: false,
    });
    expect(safeMediaUrl('/media/qr.png', ORIGIN)).toEqual({ href: 'https://cobra.example/media/qr.png', sameOrigin: true });
    expect(safeMediaUrl('http://cobra.example/x.png', 'http://cobra.example').sameOrigin).toBe(true);
  });

  it('refuses script, data, protocol-relative and malformed URLs', () => {
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:image/png;base64,AAAA', '//evil.example/a.png',
      'vbscript:x', 'a.png', '', 'https://x.example/a b.png', 'https://x.example/"onerror="x', null, undefined, 42]) {
      expect(safeMediaUrl(url, ORIGIN)).toBeNull();
    }
  });
});

describe('webchat media rendering', () => {
  it('shows a same-origin image with the caption as alternative text', () => {
    const html = renderToStaticMarkup(
      <MediaMessage media={{ type: 'image', url: '/media/qr.png' }} caption="Tu código QR" locale="es" origin={ORIGIN} />,
    );
    expect(html).toContain('<img src="https://cobra.example/media/qr.png" alt="Tu código QR"');
    expect(html).toContain('<figcaption class="bubble">Tu código QR</figcaption>');
  });

  it('links an image from another origin instead of loading it (the page CSP allows images from itself only)', () => {
    const view = mediaView({ type: 'image', url: 'https://cdn.example/a.png' }, 'Pie', ORIGIN);
    expect(view).toEqual({ kind: 'image-link', href: 'https://cdn.example/a.png', caption: 'Pie' });
  });

  it('offers a document as a download link named by its filename', () => {
    const html = renderToStaticMarkup(
      <MediaMessage
        media={{ type: 'document', url: 'https://files.example.com/s/123.pdf', filename: 'estado-de-cuenta.pdf' }}
        caption="Tu estado de cuenta"
        locale="es"
        origin={ORIGIN}
      />,
    );
    expect(html).toContain('href="https://files.example.com/s/123.pdf"');
    expect(html).toContain('download="estado-de-cuenta.pdf"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('estado-de-cuenta.pdf');
    expect(html).toContain('Tu estado de cuenta');
  });

  it('escapes markup in captions and filenames', () => {
    const html = renderToStaticMarkup(
      <MediaMessage
        media={{ type: 'document', url: '/files/a.pdf', filename: '<img src=x onerror=alert(1)>.pdf' }}
        caption="<script>alert(1)</script>"
        locale="en"
        origin={ORIGIN}
      />,
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows only the caption for an unsafe URL or a replayed entry without its file', () => {
    const unsafe = renderToStaticMarkup(
      <MediaMessage media={{ type: 'image', url: 'javascript:alert(1)' }} caption="Hola" locale="es" origin={ORIGIN} />,
    );
    expect(unsafe).toBe('<p class="bubble">Hola</p>');
    const replayed = renderToStaticMarkup(<MediaMessage media={null} caption="Hola" locale="es" origin={ORIGIN} />);
    expect(replayed).toBe('<p class="bubble">Hola</p>');
  });

  it('gives an image without caption a generic alternative text', () => {
    const html = renderToStaticMarkup(
      <MediaMessage media={{ type: 'image', url: '/a.png' }} caption="" locale="en" origin={ORIGIN} />,
    );
    expect(html).toContain('alt="Image sent by the assistant"');
  });
});
