// Reads a Graph API message body (what the runtime sends to Meta) into what a phone would show.
export function describeOutbound(body) {
  const to = body.to || body.recipient || '?';
  if (body.type === 'text') {
    return { to, text: body.text?.body || '', options: [], kind: null };
  }
  if (body.type === 'interactive') {
    const interactive = body.interactive || {};
    const text = interactive.body?.text || '';
    if (interactive.type === 'button') {
      const options = (interactive.action?.buttons || []).map((b) => ({ id: b.reply?.id, title: b.reply?.title }));
      return { to, text, options, kind: 'button_reply' };
    }
    if (interactive.type === 'list') {
      const options = (interactive.action?.sections || []).flatMap((s) => s.rows || []).map((r) => ({ id: r.id, title: r.title }));
      return { to, text, options, kind: 'list_reply' };
    }
    return { to, text, options: [], kind: null };
  }
  if (body.type === 'template') {
    return { to, text: `[plantilla ${body.template?.name} (${body.template?.language?.code})]`, options: [], kind: null };
  }
  return { to, text: `[${body.type}]`, options: [], kind: null };
}
