import { chatText } from './messages.js';
import { mediaView } from './media.js';

/** An image or document in the chat; every text is rendered by React (escaped). */
export function MediaMessage({ media, caption, locale, origin }) {
  const view = mediaView(media, caption, origin);
  if (view.kind === 'image') {
    return (
      <figure className="media" data-testid="media-image">
        <img src={view.href} alt={view.alt || chatText(locale, 'imageAlt')} loading="lazy" />
        {view.caption && <figcaption className="bubble">{view.caption}</figcaption>}
      </figure>
    );
  }
  if (view.kind === 'image-link' || view.kind === 'document') {
    const label = view.kind === 'document' ? view.filename : chatText(locale, 'openImage');
    return (
      <div className="media bubble" data-testid={view.kind === 'document' ? 'media-document' : 'media-image-link'}>
        <a
          className="media-link"
          href={view.href}
          target="_blank"
          rel="noopener noreferrer"
          download={view.kind === 'document' ? view.filename : undefined}
        >
          <span aria-hidden="true">{view.kind === 'document' ? '📄 ' : '🖼 '}</span>
          {label}
          <span className="sr-only"> ({chatText(locale, view.kind === 'document' ? 'download' : 'opensNewTab')})</span>
        </a>
        {view.caption && <p className="media-caption">{view.caption}</p>}
      </div>
    );
  }
  return view.caption ? <p className="bubble">{view.caption}</p> : null;
}
