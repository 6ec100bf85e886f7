// CodeMirror injects its styles with a <style> element when mounted in the document, which the runtime's strict
// CSP (style-src 'self') refuses. Mounted in a shadow root it uses constructable stylesheets instead, which the
// CSP allows. This gives an element's shadow root and a container inside it.
export function shadowContainer(host) {
  const shadow = host.shadowRoot || host.attachShadow({ mode: 'open' });
  shadow.replaceChildren();
  const container = document.createElement('div');
  container.className = 'cm-host';
  shadow.appendChild(container);
  return { shadow, container };
}
